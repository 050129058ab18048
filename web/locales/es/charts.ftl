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
chart-reward-of = recompensa { $run } (eje derecho)
chart-cursor = cursor
chart-cursor-of = cursor, { $run }
chart-hand = mano
chart-target = objetivo
chart-below-rest = bajo reposo
chart-rest = reposo
chart-above-rest = sobre reposo
chart-final-error-axis = |error| final (°)
chart-diverged = divergente

## El pie de la vista del circuito y su salida cortada
chart-gpi-output-off = salida del GPi apagada
chart-reaching = { $ms } ms, periodo de movimiento
chart-planning = { $ms } ms, preparación del movimiento
chart-between-trials = entre ensayos
chart-colours = rojo sobre reposo, azul bajo reposo
chart-inhibits = ⊣ inhibe

## Figuras exportadas
figure-result = { $heading } — { $line }
figure-caption = Izquierda: trayectorias del cursor en los últimos ensayos. Arriba a la derecha: |error| (línea gruesa) y recompensa (línea fina, eje derecho) por ensayo. Abajo a la derecha: los cinco anillos en el último ensayo, rojo sobre reposo, azul bajo reposo.
figure-caption-compare = Izquierda: trayectorias del cursor en los últimos ensayos, { $a } en naranja, { $b } en morado. Arriba a la derecha: |error| (línea gruesa) y recompensa (línea fina, eje derecho) por ensayo, A continua, B discontinua. Abajo a la derecha: los cinco anillos de la simulación A en el último ensayo, rojo sobre reposo, azul bajo reposo.
chart-sweep-title = |error| final (media de los últimos { $window } ensayos), { $seeds ->
    [one] 1 semilla
   *[other] { $seeds } semillas
} × { $trials } ensayos por simulación
chart-go = inicio

## Las vistas en palabras: la alternativa textual y la tabla de datos de cada vista (lectores de pantalla)
alt-none = aún no ha terminado ningún ensayo
alt-none-listed = ninguna
alt-reach = Vista Alcance. { $runs }.
alt-reach-run = ensayo { $trial }: objetivo { $target }°, mano { $hand }°, cursor { $cursor }°, error { $error }°, recompensa { $reward }, tiempo de alcance { $reach } ms
alt-reach-missed = ensayo { $trial }: objetivo { $target }°, ningún alcance (la mano no cubrió la distancia al objetivo), sin recompensa
alt-learning = Vista Aprendizaje, ensayos 1–{ $trials }: |error| y recompensa por ensayo. { $result }
alt-learning-none = Vista Aprendizaje: aún no ha terminado ningún ensayo.
alt-circuit = Vista Circuito, ensayo { $trial }, { $when }. Sobre el reposo: { $above }. Bajo el reposo: { $below }. Cerca del reposo: { $near }. Fuerza del bucle λ { $lambda }, dopamina DA { $da }, salida del GPi κ { $kappa }.
alt-circuit-none = Vista Circuito: aún no hay nada registrado (las poblaciones se iluminan durante un ensayo).
alt-activity = Vista Actividad, ensayo { $trial }, 0–{ $ms } ms. Sobre el reposo en promedio: { $above }. Bajo el reposo: { $below }. Cerca del reposo: { $near }.
alt-activity-none = Vista Actividad: aún no hay nada registrado (los anillos se llenan durante un ensayo).
data-table = Tabla de datos
table-caption-reach = Los últimos { $n } alcances de cada simulación
table-caption-learning = La curva de aprendizaje: las medias de cada simulación en bloques de { $n } ensayos
table-caption-circuit = Cada población ahora y en reposo (tasa media en su anillo, en la última muestra y al inicio del ensayo)
table-caption-activity = Cada población durante el ensayo (tasa media en su anillo)
table-run = Simulación
table-trial = Ensayo
table-trials = Ensayos
table-target = Objetivo (°)
table-hand = Mano (°)
table-cursor = Cursor (°)
table-error = Error (°)
table-reward = Recompensa
table-reach = Tiempo de alcance (ms)
table-mean-error = |Error| medio (°)
table-sd = DE (°)
table-reward-rate = Recompensa (%)
table-executed = Alcances hechos (%)
table-no-reach = ningún alcance
table-population = Población
table-rest = En reposo
table-now = Ahora
table-change = Cambio respecto al reposo
table-mean = Media en el ensayo
table-peak = Máximo
table-peak-at = Máximo a los (ms)
table-state = Estado
table-above = sobre el reposo
table-below = bajo el reposo
table-near = cerca del reposo

## Medidas y regímenes de los barridos (menú «Mostrar» del panel de barrido, leyendas de los mapas, tablas)
measure-error = |error| final (°)
measure-executed = alcances ejecutados
measure-reward = recompensa media
measure-reach = duración del alcance (ms)
measure-adapt = ensayos hasta adaptarse
measure-regime = régimen
measure-short-error = |error|
measure-short-executed = ejecutados
measure-short-reward = recompensa
measure-short-reach = ms de alcance
measure-short-adapt = ensayos
measure-short-regime = régimen
regime-adapted = adaptado
regime-not-adapted = no adaptado
regime-adapted-then-lost = adaptado y luego perdido
regime-never-rewarded = nunca recompensado
regime-no-movement = sin movimiento
regime-oscillating = oscilante
chart-regime-mixed = * las semillas difieren
chart-sweep-measure-title = { $measure } (últimos { $window } ensayos), { $seeds ->
    [one] 1 semilla
   *[other] { $seeds } semillas
} × { $trials } ensayos por simulación
# A preset's landing page (bgloop share): its link to the playground and its image's text.
share-page-open = Abrir este experimento en el modelo interactivo →
share-page-image = La figura del experimento tras { $trials } ensayos: trayectorias, |error| y recompensa por ensayo, y la actividad de las cinco poblaciones en el último ensayo.
