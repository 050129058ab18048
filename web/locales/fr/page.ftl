## La page : son titre, ses boutons, ses libellés, ses boîtes de dialogue et les phrases que la page écrit elle-même.
## Un attribut (.aria-label, .placeholder, .title, .content) est posé sur l'élément qui porte cet identifiant.

page-title = bgloop — pourquoi adapter un mouvement d'atteinte exige une boucle forte à travers les ganglions de la base
page-description =
    .content = Un modèle interactif de la boucle ganglions de la base–thalamus–cortex : regardez les mouvements d'atteinte s'adapter à un curseur tourné, et voyez pourquoi l'adaptation exige une boucle forte alors que l'exécution n'a pas besoin de la sortie des ganglions de la base.
masthead-subtitle = · adaptation guidée par la récompense dans une boucle ganglions de la base–cortex
masthead-lede = Un anneau cortical maintient le plan d'un mouvement d'atteinte ; la boucle qui passe par les ganglions de la base et le thalamus l'infléchit et l'explore ; la dopamine renforce les synapses cortico-striatales à l'origine des mouvements récompensés. Tournez le curseur, appuyez sur Lecture et regardez le mouvement s'adapter — puis affaiblissez la boucle.
tour-open = Visite guidée : l'article en { $steps } étapes
tour-loading = Chargement de la visite…
glossary-open = Vocabulaire
language = Langue
problems-lead = Certaines entrées de ce lien n'ont pas pu être utilisées.
problems-then = La page s'est ouverte avec les valeurs du scénario ou les valeurs par défaut à leur place :
problems-about = À propos de ce lien :
dismiss = Masquer
close = Fermer

## Le panneau de l'expérience
panel-experiment =
    .aria-label = Expérience
preset-label = Scénario
preset-custom = Personnalisé (valeurs par défaut)
preset-custom-watch = Le modèle par défaut : une cible à 0°, pas de rotation. Choisissez un scénario pour reproduire l'une des affirmations de l'article.
transport =
    .aria-label = Déroulement
play = Lecture
pause = Pause
step = Pas à pas
reset = Réinitialiser
compare-group =
    .aria-label = Comparer deux simulations
compare = Comparer
end-compare = Fin de la comparaison
compare-note = Épinglez cette simulation comme A et modifiez-en une copie, B : les deux se déroulent ensuite essai par essai, en parallèle.
compare-now = Comparaison de { $a } (trait plein) avec { $b } (tirets).
compare-now-pinned = Comparaison de { $a } (trait plein) avec { $b } (tirets). La simulation A est épinglée ; les commandes modifient la simulation B.
speed-label = Vitesse
run-to-label = Aller à l'essai
run-to-input =
    .placeholder = ex. : 300
run-to-go = Aller à
loading = Chargement du modèle…
high-contrast = Contraste élevé (projecteurs)
pending = Les paramètres modifiés s'appliquent après Réinitialiser.
share-group =
    .aria-label = Partager et exporter
copy-link = Copier le lien
embed = Intégrer
export-csv = Exporter en CSV
export-json = Exporter en JSON
export-figure = Exporter la figure
export-svg = Exporter en SVG
open-full = Ouvrir le simulateur ↗
start-failed = Le modèle n'a pas pu démarrer : { $why }

## La fin d'une simulation fixée par un lien (to=)
end-stopped = Arrêté à l'essai { $trial }, là où s'arrête ce lien. Appuyez sur Lecture pour continuer.
end-stopped-loop = Arrêté à l'essai { $trial }, là où s'arrête ce lien. La simulation recommence dans un instant.
end-runs-to = Va jusqu'à l'essai { $trial } et s'y arrête (to={ $trial } dans le lien).
run-to-not-a-trial = Aller à : `to` = { $value } doit être un numéro d'essai dans 1–100000
run-to-nothing = rien
run-to-already = Aller à : l'essai { $trial } a déjà été simulé ({ $done } essais jusqu'ici) ; appuyez d'abord sur Réinitialiser, ou choisissez un essai plus tardif

## Les changements en cours de simulation
events-list =
    .aria-label = Changements en cours de simulation
event-item = à partir de l'essai { $trial } : { $change }
event-remove =
    .aria-label = Supprimer le changement de l'essai { $trial } : { $change }
event-keep = Garder après Réinitialiser
    .aria-label = Garder le changement de l'essai { $trial } après Réinitialiser : { $change }
    .title = Réinitialiser recommence avec la valeur qu'affiche la commande ; gardé, le changement est rejoué à partir de son essai
event-kept = (gardé après Réinitialiser)
live-kept = { $change } à partir de l'essai { $trial } : gardé dans le lien.
live-kept-b = { $change } à partir de l'essai { $trial } (simulation B) : gardé dans le lien.

## Les commandes des paramètres
panel-params =
    .aria-label = Paramètres
params-key = Paramètres clés
params-more = Autres paramètres
live-tag = en direct
live-tag-title = Les changements s'appliquent dès l'essai suivant, sans réinitialisation, et sont gardés dans le lien
live-note = En direct : un changement s'applique dès l'essai suivant, sans réinitialisation.
params-advanced = Avancés
number-box = { $label } (nombre)
built-for = En dehors de l'intervalle pour lequel ce modèle a été conçu ({ $range }) : { $why }.
scheduled-ramp = → de { $from } à { $to } au fil des essais { $first }–{ $last }
scheduled-step = → { $value } à partir de l'essai { $trial }
scheduled-note = { $changes } (un changement programmé, gardé dans le lien)

## Les vues
views =
    .aria-label = Vues
view-reach = Mouvement
view-reach-hint = trajet du curseur à l'essai en cours ; les essais précédents s'estompent
view-reach-canvas =
    .aria-label = Vue du mouvement : cible, trajet actuel du curseur et trajets récents
show-hand = Afficher le trajet de la main
view-circuit = Circuit
view-circuit-hint = la boucle en ce moment : l'écart de chaque population par rapport au repos ; λ, DA et κ sur leurs connexions
view-circuit-canvas =
    .aria-label = Vue du circuit : cortex, striatum, NST, GPi et thalamus, colorés selon leur activité, avec la force de la boucle, la dopamine et la sortie du GPi
view-learning = Apprentissage
view-learning-hint = |erreur| et récompense par essai
view-enlarge = Agrandir
    .title = Agrandir cette vue (pour un projecteur) ; appuyez de nouveau pour revoir toutes les vues
view-learning-canvas =
    .aria-label = Vue de l'apprentissage : erreur et récompense par essai
view-activity = Activité
activity-run = simulation A :{ " " }
view-activity-hint = les cinq anneaux pendant l'essai en cours : temps →, direction préférée ↓ (cible au milieu) ; couleur : écart de chaque unité par rapport au niveau de repos de son anneau, rouge au-dessus, bleu en dessous
view-activity-canvas =
    .aria-label = Vue d'activité : cortex, striatum, NST, GPi et thalamus pendant l'essai

## La visite guidée
tour-nav =
    .aria-label = Visite guidée
tour-back = ← Précédent
tour-next = Suivant →
tour-finish = Terminer
tour-replay = Rejouer l'étape
tour-close = Fermer la visite
tour-counter = étape { $step } sur { $steps }
tour-no-step = l'étape { $step } de la visite n'existe pas : cette visite a les étapes 1–{ $steps }
tour-failed = La visite n'a pas pu être ouverte : { $why }
tour-file-failed = La visite { $file } n'a pas pu être ouverte : { $why }

## Le balayage
sweep-section =
    .aria-label = Balayage
sweep-title = Balayage
sweep-hint = |erreur| finale (50 derniers essais) en fonction d'un paramètre, moyenne ± écart-type sur les graines — ou, avec un second paramètre, une carte de sa moyenne — avec les réglages actuels
sweep-param = Paramètre
sweep-from = De
sweep-to = À
sweep-count = Valeurs
sweep-param2 = Second paramètre (une carte)
sweep-from2 = De (2e)
sweep-to2 = À (2e)
sweep-count2 = Valeurs (2e)
sweep-seeds = Graines
sweep-trials = Essais
sweep-workers = Processus
sweep-run = Lancer le balayage
sweep-cancel = Annuler
sweep-svg = Exporter le balayage en SVG
sweep-png = Exporter le balayage en PNG
sweep-progress =
    .aria-label = Progression du balayage
sweep-ask = Ce lien demande un balayage de { $runs } simulations de { $trials } essais : environ { $seconds } s avec { $workers ->
    [one] 1 processus
   *[other] { $workers } processus
}. Il ne démarre que si vous le demandez.
sweep-ask-run = Lancer ce balayage
sweep-ready = Choisissez un paramètre et appuyez sur Lancer le balayage.
sweep-loading = Chargement de ce qui calcule les balayages…
sweep-canvas =
    .aria-label = Balayage : erreur finale en fonction du paramètre
sweep-none = aucun (une courbe)
sweep-cancelled = Annulé après { $runs } simulations.
sweep-running = { $done } simulations sur { $runs } · { $seconds } s · encore environ { $left } s
sweep-done = Terminé : { $runs } simulations en { $seconds } s avec { $workers ->
    [one] 1 processus
   *[other] { $workers } processus
}.
sweep-starting = 0 simulation sur { $runs } avec { $workers ->
    [one] 1 processus
   *[other] { $workers } processus
}…
sweep-cell = |erreur| finale { $mean }° ± { $sd } ({ $n ->
    [one] 1 graine
   *[other] { $n } graines
}, { $min }–{ $max }°{ $diverged })
sweep-cell-diverged = ; divergées : { $n } (écartées)
sweep-measure = Afficher
sweep-cell-regime = { $regime } ({ $count ->
    [one] 1 graine
   *[other] { $count } graines
} sur { $runs }{ $others }) : { $figures }. Pourquoi : { $why } —{" "}
sweep-cell-others = ; autres graines : { $others }
sweep-cell-executed = { $percent } % des mouvements exécutés
sweep-cell-reach = durée du mouvement { $ms } ms
sweep-cell-no-reach = aucun mouvement exécuté
sweep-cell-reward = récompense moyenne { $reward }
sweep-cell-adapted = { $n ->
    [one] 1 simulation adaptée
   *[other] { $n } simulations adaptées
} sur { $runs } à un moment
regime-why-adapted = l'exploration a trouvé la fenêtre de récompense et la plasticité dépendante de la dopamine y a déplacé le mouvement.
regime-why-not-adapted = les mouvements sont exécutés et de temps en temps récompensés, mais l'|erreur| moyenne des 50 derniers essais reste au-dessus de 10°.
regime-why-adapted-then-lost = une période antérieure de 50 essais était adaptée, la dernière est pire de plus de 5° : un changement ultérieur de l'expérience (ou de la boucle) l'a défaite.
regime-why-never-rewarded = moins d'un mouvement sur 100 a été récompensé : l'exploration de la boucle n'a jamais amené le curseur dans la fenêtre de récompense, il n'y avait donc rien à apprendre (une boucle faible déplace à peine le plan cortical).
regime-why-no-movement = moins de la moitié des mouvements ont été exécutés : avec peu de dopamine, l'entrée du striatum est faible et une boucle forte perd le creux sélectif du GPi (la perte de sélection de Leblois et al. 2006) ; le thalamus ne libère alors aucun plan de mouvement, et l'|erreur| moyenne mêle mouvements faits et non faits.
regime-why-oscillating = la boucle oscille avec ces réglages (sondée sans bruit, comme dans l'affirmation C4 : le GPi à environ 10 Hz), et les mouvements qu'elle produit ne sont pas adaptés.
sweep-described = Balayage : { $measure } en fonction de { $param }{ $param2 ->
    [none] {""}
   *[other] {" "}et de { $param2 }
} ; { $done } cases calculées sur { $cells }.
sweep-table-caption = { $measure } pour chaque valeur (moyenne sur les graines ; un régime : celui de la plupart des graines, * quand elles diffèrent)
sweep-cell-pending = pas encore calculé
sweep-cell-at = { $x }, { $y } : { $said }
sweep-cell-all-diverged = toutes les simulations ont divergé ({ $n })
sweep-problem = { $why }
sweep-stopped = Le balayage s'est arrêté : { $why }
sweep-no-workers = Les balayages ont besoin des Web Workers : servez la page par HTTP (npm start) au lieu d'ouvrir le fichier.
sweep-no-workers-because = Les balayages ont besoin des Web Workers ({ $why }).
sweep-empty = `{ $field }` est vide : saisissez un nombre
sweep-not-a-number = `{ $field }` vaut « { $value } », ce qui n'est pas un nombre : saisissez un nombre
sweep-workers-range = `workers` = { $value } doit être un nombre entier dans 1–64

## La boîte de dialogue Intégrer
embed-title = Intégrer cette expérience
embed-intro = La démo démarre quand elle apparaît à l'écran, se met en pause quand elle en sort, et s'adapte à la largeur de votre colonne.
embed-show = Afficher
embed-to = Arrêt à l'essai
embed-to-input =
    .placeholder = jamais
embed-loop = puis recommencer
embed-code = 1. L'élément (recommandé : il se dimensionne tout seul)
embed-iframe = 2. Ou une simple iframe (pour les sites qui n'autorisent aucun script),
embed-measuring = mesure en cours…
embed-measured = { $height } px de haut pour { $width } px de large (mesuré dans l'aperçu)
embed-preview-label = Aperçu dans une colonne d'article de 680 px
embed-preview =
    .title = Aperçu de la démo intégrée
embed-frame-title = bgloop : adaptation guidée par la récompense dans une boucle ganglions de la base–cortex
embed-frame-title-of = bgloop : { $title }
embed-show-intro = Titre et phrase simple
embed-stop-range = Arrêt à l'essai : `to` = { $value } doit être un numéro d'essai dans 1–100000
copy-embed = Copier l'élément
copy-iframe = Copier l'iframe
copied-element = Élément d'intégration copié.
copied-iframe = Iframe d'intégration copiée.
copy-by-hand = Sélectionnez le code et copiez-le.
copied-link = Lien copié : il reproduit exactement cette simulation.
copy-address-bar = Copiez la barre d'adresse : elle contient cette simulation.
exported-csv = CSV exporté.
exported-json = JSON exporté.
exported-png = Figure exportée en PNG.
exported-svg = Figure exportée en SVG.
figure-loading = Préparation de la figure…
png-failed = Le PNG n'a pas pu être créé : { $why }
svg-failed = Le SVG n'a pas pu être créé : { $why }

## Raccourcis clavier
keys-title = Raccourcis clavier
key-space = Lecture ou pause
key-right = Avancer d'un essai (dans la visite : l'étape suivante)
key-left = Dans la visite : l'étape précédente
key-c = Activer ou désactiver le contraste élevé
key-help = Cette liste
keys-wait = Les raccourcis sont suspendus pendant que vous tapez dans un champ.
keys-open = Raccourcis clavier (?)

## Le glossaire et le pied de page
glossary-what = { $term } : ce que cela veut dire
teachers = Pour les enseignants : trois activités en classe
    .href = docs/teaching.fr.html
colophon = Une reconstruction du modèle de Leblois, Boraud & Hansel, PNAS 2025 (doi:10.1073/pnas.2515994122), fondée sur leur modèle de boucle de 2006 et sur la théorie des attracteurs en anneau — pas le code des auteurs.
colophon-console = Ouvrez la console du navigateur et essayez
view-learning-hint-compare = moyennes sur 20 essais : |erreur| en trait épais, récompense en trait fin (axe de droite) ; A en trait plein, B en tirets

## What the live region says while a run plays: the trial and the result over its window
announce-result = Essai { $trial }. { $result }

## Liens d'évitement et résumé de l'écran (clavier et lecteurs d'écran)
skips =
    .aria-label = Liens d'évitement
skip-run = Aller à Lecture et au résultat
skip-params = Aller aux paramètres
summary-title = Résumé de l'écran
summary-screen = À l'écran : les commandes de l'expérience et son résultat, quatre vues du modèle (mouvement, circuit, apprentissage, activité), chacune avec un tableau de données, un panneau de balayage, et les paramètres.
summary-experiment = L'expérience : { $title }. { $watch }
summary-custom = L'expérience : vos propres réglages (aucun préréglage).
summary-state-ready = Maintenant : aucun essai n'a encore été lancé. Appuyez sur Lecture (Espace) pour lancer les essais, ou sur Pas à pas (flèche droite) pour un seul.
summary-state = Maintenant : en pause après { $trials } essais. { $result }
summary-state-playing = Maintenant : en lecture, { $trials } essais jusqu'ici. { $result }
summary-try = À essayer : changez la force de la boucle, le premier des paramètres, puis appuyez sur Réinitialiser ; ou appuyez sur Comparer pour fixer cette simulation comme A et en changer une copie, B. L'encadré Résultat donne la moyenne de chaque simulation sur les 50 derniers essais.
summary-try-compare = À essayer : l'encadré Résultat donne les moyennes de A et de B sur les 50 derniers essais ; changez un paramètre pour changer la simulation B à partir de l'essai suivant, ou appuyez sur Fin de la comparaison.
keys-on = Raccourcis à une touche activés (désactivez-les si vous utilisez la saisie vocale)

## Écouter : la courbe d'apprentissage en son
listen = Écouter
listen-how = 4 s de son : la hauteur suit l'|erreur| moyenne au fil des essais, plus aiguë quand on est plus loin ; A à gauche, son doux ; B à droite, son plus rugueux
listen-nothing = Rien à jouer pour l'instant : lancez d'abord quelques essais.
listen-playing = Lecture de la courbe d'apprentissage pendant 4 secondes : le son descend quand l'erreur diminue.
listen-playing-both = Lecture des deux courbes d'apprentissage pendant 4 secondes : A à gauche, B à droite ; le son descend quand l'erreur diminue.
# Printed at the top of a printed page (the controls are not printed).
print-link = Rejouer cette simulation : { $link }
# Record clip: the run drawn again frame by frame, as a video (web/clip.js).
record-clip = Enregistrer un clip
clip-title = Enregistrer un clip
clip-intro = La simulation est redessinée image par image à partir de son lien — un essai par image — avec le titre, le résultat et le lien dans l'image. Le même lien donne le même clip.
clip-record = Enregistrer
clip-from = De l'essai
clip-to = à l'essai
clip-progress =
    .aria-label = Enregistrement
clip-plan = { $frames } images : { $seconds } s de vidéo à { $fps } images par seconde.
clip-recording = Enregistrement…
clip-no-video = Ce navigateur ne sait pas encoder de vidéo : les images viendront en PNG dans un fichier ZIP.
clip-ready = Prêt : une vidéo WebM de { $frames } images, { $seconds } s, { $size }.
clip-ready-frames = Prêt : { $frames } images PNG dans un fichier ZIP, { $size } (ce navigateur ne sait pas encoder de vidéo).
clip-download = Télécharger le clip ({ $size })
clip-download-frames = Télécharger les images ({ $size }, ZIP)
clip-poster = Télécharger l'affiche (PNG)
clip-failed = Le clip n'a pas pu être fait : { $why }
clip-trial = Essai { $trial } · clip des essais { $from }–{ $to }
clip-error-from = De l'essai : un nombre entier de 1 à { $last }.
clip-error-to = À l'essai : un nombre entier de { $from } à { $last }, pas avant le premier essai.
clip-error-long = Un clip compte au plus { $most } essais : choisissez un intervalle plus court.
clip-error-link = Le lien de la simulation n'a pas pu être rejoué en entier.
size-kb = { $size } Ko
size-mb = { $size } Mo
