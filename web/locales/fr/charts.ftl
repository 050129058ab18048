## Les mots dessinés dans les graphiques et les figures exportées : populations, axes, légendes, légendes de figure.

## Les cinq populations de la boucle
population-cortex = Cortex
population-striatum = Striatum
population-stn = NST
population-gpi = GPi
population-thalamus = Thalamus

## Axes et légendes
chart-trial = essai
chart-error-axis = |erreur| (°)
chart-reward = récompense
chart-error = |erreur|
chart-error-mean = |erreur|, moy. 20 essais
chart-reward-mean = récompense, moy. 20 essais
chart-cursor = curseur
chart-cursor-a = curseur A
chart-cursor-b = curseur B
chart-hand = main
chart-target = cible
chart-below-rest = sous le repos
chart-rest = repos
chart-above-rest = au-dessus du repos
chart-final-error-axis = |erreur| finale (°)
chart-diverged = divergé

## La légende de la vue du circuit et sa sortie coupée
chart-gpi-output-off = sortie du GPi coupée
chart-reaching = { $ms } ms, atteinte
chart-planning = { $ms } ms, planification
chart-between-trials = entre deux essais
chart-colours = rouge au-dessus du repos, bleu en dessous
chart-inhibits = ⊣ inhibe

## Figures exportées
figure-caption = À gauche : trajets du curseur lors des derniers essais (B en tirets). En haut à droite : |erreur| et récompense par essai. En bas à droite : les cinq anneaux de la simulation A au dernier essai, rouge au-dessus du repos, bleu en dessous.
chart-sweep-title = |erreur| finale (moyenne des { $window } derniers essais), { $seeds ->
    [one] 1 graine
   *[other] { $seeds } graines
} × { $trials } essais par simulation
chart-go = départ
