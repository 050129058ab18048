## La visite guidée : son titre, et le titre et le texte de chaque étape.

tour-title = Pourquoi adapter un mouvement d'atteinte exige une boucle forte à travers les ganglions de la base

tour-step-1 = Une boucle à travers les ganglions de la base
    .text = Le cortex maintient le plan d'un mouvement d'atteinte. Il communique avec les ganglions de la base par deux voies : par le striatum, qui inhibe le noyau de sortie, le GPi, et par le NST, qui l'excite. Le GPi inhibe le thalamus, et le thalamus excite en retour le cortex. Observez les couleurs pendant qu'un mouvement est planifié puis effectué : le rouge indique une activité au-dessus du repos, le bleu en dessous.
tour-step-2 = Un mouvement d'atteinte, et un curseur tourné
    .text = À chaque essai, la cible apparaît, le cortex planifie, et la main suit le plan. Ici, le curseur que voit le sujet est tourné de 30° : un mouvement qui vise la cible atterrit à environ 30° de celle-ci, à la variation près due au bruit qui rend chaque mouvement différent (ces trois-là atterrissent à 52°, 34° et 12° de la cible). Hors de la cible, un mouvement ne rapporte aucune récompense.
tour-step-3 = La récompense instruit la boucle
    .text = Le bruit dans le striatum rend chaque mouvement d'atteinte un peu différent. Quand l'un d'eux atterrit par hasard près de la cible, il est récompensé, et la dopamine renforce les synapses cortico-striatales qui l'ont produit. En quelques dizaines d'essais, l'erreur se réduit à quelques degrés.
tour-step-4 = Une boucle faible ne peut pas s'adapter
    .text = La même tâche deux fois avec la même graine : A avec la boucle à pleine force, B avec la boucle thalamo-corticale réduite au quart. B effectue toujours ses mouvements d'atteinte, mais son erreur reste proche de 30° : ce que les ganglions de la base apprennent n'atteint plus le plan cortical.
tour-step-5 = Apprendre, puis faire taire le GPi
    .text = Les deux simulations s'adaptent pendant 400 essais, puis la sortie du GPi est coupée. Les mouvements d'atteinte sont toujours effectués, aussi vite qu'avant : exécuter un mouvement ne nécessite pas les ganglions de la base. Mais l'erreur de A revient à 30°. La simulation B avait lentement copié ses mouvements récompensés dans le cortex, et les conserve.
tour-step-6 = Le cortex maintient le plan
    .text = L'indice visuel ne dure que 100 ms, et pourtant la bosse corticale persiste après lui : l'excitation récurrente dans l'anneau cortical maintient le plan, c'est un attracteur. Regardez la bande du cortex dans la vue d'activité. (La main dérive mais ne parcourt pas la distance de la cible pendant cet essai, donc la ligne d'état indique qu'aucun mouvement d'atteinte n'a été effectué : cette étape porte sur le plan, pas sur le mouvement.)
tour-step-7 = La dopamine et un rythme à 10 Hz
    .text = Avec la dopamine au cinquième de la normale, la voie striatale s'affaiblit et la boucle qui passe par le NST prend le dessus : le GPi oscille à environ 10 Hz, ce qui dessine des rayures dans sa bande. Avec une dopamine normale, la même boucle produit plutôt un creux focalisé dans le GPi, sous le plan.
tour-step-8 = Apprendre à atteindre à partir de rien
    .text = Sans aucune carte innée reliant les cibles aux mouvements, les premiers mouvements d'atteinte partent n'importe où. Les mouvements récompensés apprennent au striatum quelles cellules recruter pour chacune des huit cibles et, après quelques centaines d'essais, la plupart des mouvements touchent leur cible.
tour-step-9 = Bloquer l'apprentissage : le savoir-faire reste, rien de nouveau n'est appris
    .text = Les deux simulations s'adaptent à la rotation de 30°. À partir de l'essai 301, la plasticité dépendante de la dopamine de B est bloquée, et pourtant ses mouvements d'atteinte restent adaptés. À partir de l'essai 401, la rotation passe à 50° : A apprend les 20° supplémentaires, l'erreur de B reste à 20°. Chez la souris, bloquer le signal d'apprentissage de la dopamine a produit le même effet (Ghanayim et al. 2025).
tour-step-10 = Perdre de la dopamine, comme dans la maladie de Parkinson
    .text = Dans la maladie de Parkinson, le striatum perd sa dopamine. À partir de l'essai 301, B n'en garde que la moitié : ses mouvements d'atteinte ralentissent, d'environ 130 ms à 170–215 ms (la ligne d'état indique la durée d'atteinte de chaque simulation), et deviennent un peu moins précis. Ici, peu de dopamine ralentit le mouvement sans arrêter l'apprentissage : B apprend encore les 20° supplémentaires à partir de l'essai 401.
