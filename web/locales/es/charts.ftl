## Palabras que se dibujan en los gráficos y en las figuras exportadas: poblaciones, ejes, leyendas, pies.

## Las cinco poblaciones del bucle
population-cortex = Corteza
population-striatum = Estriado
population-stn = NST
population-gpi = GPi
population-thalamus = Tálamo

## Ejes y leyendas
chart-trial = ensayo
chart-error-axis = |error| (°)
chart-reward = recompensa
chart-error = |error|
chart-error-mean = |error|, media de 20 ensayos
chart-reward-mean = recompensa, media de 20 ensayos
chart-cursor = cursor
chart-cursor-a = cursor A
chart-cursor-b = cursor B
chart-hand = mano
chart-target = objetivo
chart-below-rest = bajo reposo
chart-rest = reposo
chart-above-rest = sobre reposo
chart-final-error-axis = |error| final (°)
chart-diverged = divergente

## El pie de la vista del circuito y su salida cortada
chart-gpi-output-off = salida del GPi apagada
chart-reaching = { $ms } ms, alcance
chart-planning = { $ms } ms, planificación
chart-between-trials = entre ensayos
chart-colours = rojo sobre reposo, azul bajo reposo
chart-inhibits = ⊣ inhibe

## Figuras exportadas
figure-caption = Izquierda: trayectorias del cursor en los últimos ensayos (B, discontinua). Arriba a la derecha: |error| y recompensa por ensayo. Abajo a la derecha: los cinco anillos de la simulación A en el último ensayo, rojo sobre reposo, azul bajo reposo.
chart-sweep-title = |error| final (media de los últimos { $window } ensayos), { $seeds ->
    [one] 1 semilla
   *[other] { $seeds } semillas
} × { $trials } ensayos por simulación
chart-go = inicio
