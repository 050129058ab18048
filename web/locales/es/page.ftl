## La página: su título, botones, etiquetas, diálogos y las frases que escribe la propia página.
## Un atributo (.aria-label, .placeholder, .title, .content) se aplica al elemento con ese id.

page-title = bgloop — por qué adaptar un movimiento de alcance necesita un bucle fuerte a través de los ganglios basales
page-description =
    .content = Un modelo interactivo del bucle ganglios basales–tálamo–corteza: observa cómo los movimientos de alcance se adaptan a un cursor rotado y por qué la adaptación necesita un bucle fuerte, mientras que la ejecución no necesita la salida de los ganglios basales.
masthead-subtitle = · adaptación guiada por la recompensa en un bucle ganglios basales–corteza
masthead-lede = Un anillo cortical mantiene el plan de un movimiento de alcance; el bucle a través de los ganglios basales y el tálamo lo empuja y lo explora; la dopamina refuerza las sinapsis corticoestriatales que producen los alcances recompensados. Rota el cursor, pulsa Reproducir y observa cómo se adapta el alcance; después, debilita el bucle.
tour-open = Visita guiada: el artículo en { $steps } pasos
tour-loading = Cargando la visita…
glossary-open = Vocabulario
language = Idioma
problems-lead = Algunas entradas de este enlace no se pudieron usar.
problems-then = La página se abrió con los valores del escenario o los valores por defecto para ellas:
problems-about = Sobre este enlace:
dismiss = Descartar
close = Cerrar

## El panel del experimento
panel-experiment =
    .aria-label = Experimento
preset-label = Escenario
preset-custom = Personalizado (por defecto)
preset-custom-watch = El modelo por defecto: un objetivo en 0°, sin rotación. Elige un escenario para reproducir una de las afirmaciones del artículo.
transport =
    .aria-label = Simulación
play = Reproducir
pause = Pausa
step = Paso
reset = Reiniciar
compare-group =
    .aria-label = Comparar dos simulaciones
compare = Comparar
end-compare = Terminar comparación
compare-note = Fija esta simulación como A y modifica una copia, B: después ambas avanzan ensayo a ensayo.
compare-now = Comparando { $a } (continua) con { $b } (discontinua).
compare-now-pinned = Comparando { $a } (continua) con { $b } (discontinua). La simulación A está fijada; los controles modifican la simulación B.
speed-label = Velocidad
run-to-label = Ir al ensayo
run-to-input =
    .placeholder = p. ej. 300
run-to-go = Ir a
loading = Cargando el modelo…
high-contrast = Alto contraste (proyectores)
pending = Los parámetros modificados se aplican al pulsar Reiniciar.
share-group =
    .aria-label = Compartir y exportar
copy-link = Copiar enlace
embed = Insertar
export-csv = Exportar CSV
export-json = Exportar JSON
export-figure = Exportar figura
export-svg = Exportar SVG
open-full = Abrir la versión completa ↗
start-failed = No se pudo iniciar el modelo: { $why }

## El final de una simulación que fija un enlace (to=)
end-stopped = Detenida en el ensayo { $trial }, donde termina este enlace. Reproducir continúa desde aquí.
end-stopped-loop = Detenida en el ensayo { $trial }, donde termina este enlace. Vuelve a empezar en un momento.
end-runs-to = Avanza hasta el ensayo { $trial } y se detiene ahí (to={ $trial } en el enlace).
run-to-not-a-trial = Ir a: `to` = { $value } debe ser un número de ensayo en 1–100000
run-to-nothing = nada
run-to-already = Ir a: el ensayo { $trial } ya se ha ejecutado ({ $done } ensayos hasta ahora); pulsa antes Reiniciar o elige un ensayo posterior

## Cambios durante una simulación
events-list =
    .aria-label = Cambios durante la simulación
event-item = desde el ensayo { $trial }: { $change }
event-remove =
    .aria-label = Quitar el cambio del ensayo { $trial }: { $change }
event-keep = Conservar tras Reiniciar
    .aria-label = Conservar el cambio del ensayo { $trial } tras Reiniciar: { $change }
    .title = Reiniciar vuelve a empezar con el valor que muestra el control; conservado, el cambio se repite desde su ensayo
event-kept = (conservado tras Reiniciar)
live-kept = { $change } desde el ensayo { $trial }: guardado en el enlace.
live-kept-b = { $change } desde el ensayo { $trial } (simulación B): guardado en el enlace.

## Controles de los parámetros
panel-params =
    .aria-label = Parámetros
params-key = Parámetros principales
params-more = Más parámetros
live-tag = en vivo
live-tag-title = Los cambios se aplican desde el ensayo siguiente, sin reiniciar, y se guardan en el enlace
live-note = En vivo: un cambio se aplica desde el ensayo siguiente, sin reiniciar.
params-advanced = Avanzados
number-box = { $label } (número)
built-for = Fuera del rango para el que se construyó este modelo ({ $range }): { $why }.
scheduled-ramp = → de { $from } a { $to } en los ensayos { $first }–{ $last }
scheduled-step = → { $value } desde el ensayo { $trial }
scheduled-note = { $changes } (un cambio programado, guardado en el enlace)

## Las vistas
views =
    .aria-label = Vistas
view-reach = Alcance
view-reach-hint = trayectoria del cursor en el ensayo actual; los ensayos anteriores se desvanecen
view-reach-canvas =
    .aria-label = Vista del alcance: objetivo, trayectoria actual del cursor y trayectorias recientes
show-hand = Mostrar la mano
view-circuit = Circuito
view-circuit-hint = el bucle ahora: cambio de cada población respecto al reposo; λ, DA y κ en sus conexiones
view-circuit-canvas =
    .aria-label = Vista del circuito: corteza, estriado, NST, GPi y tálamo, coloreados según su actividad, con la fuerza del bucle, la dopamina y la salida del GPi
view-learning = Aprendizaje
view-learning-hint = |error| y recompensa por ensayo
view-enlarge = Ampliar
    .title = Ampliar esta vista (para un proyector); pulse de nuevo para ver todas las vistas
view-learning-canvas =
    .aria-label = Vista del aprendizaje: error y recompensa por ensayo
view-activity = Actividad
activity-run = simulación A:{ " " }
view-activity-hint = los cinco anillos a lo largo del ensayo actual: tiempo →, dirección preferida ↓ (objetivo en el centro); color: cambio de cada unidad respecto al nivel de reposo de su anillo, rojo por encima, azul por debajo
view-activity-canvas =
    .aria-label = Vista de la actividad: corteza, estriado, NST, GPi y tálamo a lo largo del ensayo

## La visita guiada
tour-nav =
    .aria-label = Visita guiada
tour-back = ← Atrás
tour-next = Siguiente →
tour-finish = Terminar
tour-replay = Repetir paso
tour-close = Cerrar visita
tour-counter = paso { $step } de { $steps }
tour-no-step = el paso { $step } de la visita no existe: esta visita tiene los pasos 1–{ $steps }
tour-failed = No se pudo abrir la visita: { $why }
tour-file-failed = No se pudo abrir la visita { $file }: { $why }

## El barrido
sweep-section =
    .aria-label = Barrido
sweep-title = Barrido
sweep-hint = |error| final (últimos 50 ensayos) frente a un parámetro, media ± DE entre semillas —o, con un segundo parámetro, un mapa de su media— con los ajustes actuales
sweep-param = Parámetro
sweep-from = Desde
sweep-to = Hasta
sweep-count = Valores
sweep-param2 = Segundo parámetro (un mapa)
sweep-from2 = Desde (2.º)
sweep-to2 = Hasta (2.º)
sweep-count2 = Valores (2.º)
sweep-seeds = Semillas
sweep-trials = Ensayos
sweep-workers = Procesos
sweep-run = Ejecutar barrido
sweep-cancel = Cancelar
sweep-svg = Exportar barrido SVG
sweep-png = Exportar barrido PNG
sweep-progress =
    .aria-label = Progreso del barrido
sweep-ask = Este enlace pide un barrido de { $runs } simulaciones de { $trials } ensayos: unos { $seconds } s con { $workers ->
    [one] 1 proceso
   *[other] { $workers } procesos
}. Solo empieza si usted lo pide.
sweep-ask-run = Ejecutar este barrido
sweep-ready = Elige un parámetro y pulsa Ejecutar barrido.
sweep-loading = Cargando lo que calcula los barridos…
sweep-canvas =
    .aria-label = Barrido: error final frente al parámetro
sweep-none = ninguno (una curva)
sweep-cancelled = Cancelado tras { $runs } simulaciones.
sweep-running = { $done } de { $runs } simulaciones · { $seconds } s · quedan unos { $left } s
sweep-done = Hecho: { $runs } simulaciones en { $seconds } s con { $workers ->
    [one] 1 proceso
   *[other] { $workers } procesos
}.
sweep-starting = 0 de { $runs } simulaciones con { $workers ->
    [one] 1 proceso
   *[other] { $workers } procesos
}…
sweep-cell = |error| final { $mean }° ± { $sd } ({ $n ->
    [one] 1 semilla
   *[other] { $n } semillas
}, { $min }–{ $max }°{ $diverged })
sweep-cell-diverged = ; divergentes: { $n } (excluidas)
sweep-measure = Mostrar
sweep-cell-regime = { $regime } ({ $count } de { $runs ->
    [one] 1 semilla
   *[other] { $runs } semillas
}{ $others }): { $figures }. Por qué: { $why } —{" "}
sweep-cell-others = ; otras semillas: { $others }
sweep-cell-executed = { $percent } % de los alcances ejecutados
sweep-cell-reach = duración del alcance { $ms } ms
sweep-cell-no-reach = ningún alcance ejecutado
sweep-cell-reward = recompensa media { $reward }
sweep-cell-adapted = { $n } de { $runs ->
    [one] 1 simulación se adaptó
   *[other] { $runs } simulaciones se adaptaron
} en algún momento
regime-why-adapted = la exploración encontró la ventana de recompensa y la plasticidad dependiente de la dopamina desplazó el alcance hacia ella.
regime-why-not-adapted = los alcances se ejecutan y a veces se recompensan, pero el |error| medio de los últimos 50 ensayos sigue por encima de 10°.
regime-why-adapted-then-lost = un tramo anterior de 50 ensayos estaba adaptado y el último es más de 5° peor: un cambio posterior del experimento (o del bucle) lo deshizo.
regime-why-never-rewarded = menos de 1 alcance de cada 100 fue recompensado: la exploración del bucle nunca llevó el cursor a la ventana de recompensa, así que no había nada de lo que aprender (un bucle débil apenas mueve el plan cortical).
regime-why-no-movement = menos de la mitad de los alcances se ejecutaron: con poca dopamina el impulso del estriado es débil y un bucle fuerte pierde la depresión selectiva del GPi (la pérdida de selección de Leblois et al. 2006), así que el tálamo no libera ningún plan de movimiento; el |error| medio mezcla entonces alcances hechos y no hechos.
regime-why-oscillating = con estos ajustes el bucle oscila (sondeado sin ruido, como en la afirmación C4: el GPi a unos 10 Hz), y los alcances que produce no están adaptados.
sweep-described = Barrido: { $measure } según { $param }{ $param2 ->
    [none] {""}
   *[other] {" "}y { $param2 }
}; { $done } de { $cells } casillas calculadas.
sweep-table-caption = { $measure } en cada valor (media sobre las semillas; un régimen: el de la mayoría de las semillas, * cuando difieren)
sweep-cell-pending = aún sin calcular
sweep-cell-at = { $x }, { $y }: { $said }
sweep-cell-all-diverged = todas las simulaciones divergieron ({ $n })
sweep-problem = { $why }
sweep-stopped = El barrido se detuvo: { $why }
sweep-no-workers = Los barridos necesitan Web Workers: sirve la página por HTTP (npm start) en lugar de abrir el archivo.
sweep-no-workers-because = Los barridos necesitan Web Workers ({ $why }).
sweep-empty = `{ $field }` está vacío: escribe un número
sweep-not-a-number = `{ $field }` es «{ $value }», no un número: escribe un número
sweep-workers-range = `workers` = { $value } debe ser un número entero en 1–64

## El diálogo Insertar
embed-title = Insertar este experimento
embed-intro = La demo empieza cuando aparece en pantalla, se pausa cuando sale de ella y se ajusta al ancho de tu columna.
embed-show = Mostrar
embed-to = Detener en el ensayo
embed-to-input =
    .placeholder = nunca
embed-loop = y volver a empezar
embed-code = 1. El elemento (recomendado: se ajusta solo)
embed-iframe = 2. O un iframe simple (para sitios que no admiten scripts),
embed-measuring = midiendo…
embed-measured = { $height } px de alto con { $width } px de ancho (medido en la vista previa)
embed-preview-label = Vista previa en una columna de artículo de 680 px
embed-preview =
    .title = Vista previa de la demo insertada
embed-frame-title = bgloop: adaptación guiada por la recompensa en un bucle ganglios basales–corteza
embed-frame-title-of = bgloop: { $title }
embed-show-intro = Título y frase sencilla
embed-stop-range = Detener en el ensayo: `to` = { $value } debe ser un número de ensayo en 1–100000
copy-embed = Copiar el elemento
copy-iframe = Copiar el iframe
copied-element = Elemento para insertar copiado.
copied-iframe = Iframe para insertar copiado.
copy-by-hand = Selecciona el código y cópialo.
copied-link = Enlace copiado: reproduce exactamente esta simulación.
copy-address-bar = Copia la barra de direcciones: contiene esta simulación.
exported-csv = CSV exportado.
exported-json = JSON exportado.
exported-png = Figura exportada como PNG.
exported-svg = Figura exportada como SVG.
figure-loading = Preparando la figura…
png-failed = No se pudo crear el PNG: { $why }
svg-failed = No se pudo crear el SVG: { $why }

## Atajos de teclado
keys-title = Atajos de teclado
key-space = Reproducir o pausar
key-right = Avanzar un ensayo (en la visita: el paso siguiente)
key-left = En la visita: el paso anterior
key-c = Activar o desactivar el alto contraste
key-help = Esta lista
keys-wait = Los atajos esperan mientras escribes en un campo.
keys-open = Atajos de teclado (?)

## El glosario y el pie de página
glossary-what = { $term }: qué significa
teachers = Para docentes: tres actividades de clase
    .href = docs/teaching.es.html
colophon = Una reconstrucción del modelo de Leblois, Boraud & Hansel, PNAS 2025 (doi:10.1073/pnas.2515994122), basada en su modelo de bucle de 2006 y en la teoría de atractores en anillo; no es el código de los autores.
colophon-console = Abre la consola del navegador y prueba
view-learning-hint-compare = medias de 20 ensayos: |error| grueso, recompensa fina (eje derecho); A continua, B discontinua

## What the live region says while a run plays: the trial and the result over its window
announce-result = Ensayo { $trial }. { $result }

## Enlaces de salto y resumen de la pantalla (teclado y lectores de pantalla)
skips =
    .aria-label = Enlaces de salto
skip-run = Saltar a Reproducir y al resultado
skip-params = Saltar a los parámetros
summary-title = Resumen de la pantalla
summary-screen = En pantalla: los controles del experimento y su resultado, cuatro vistas del modelo (alcance, circuito, aprendizaje, actividad), cada una con una tabla de datos, un panel de barrido y los parámetros.
summary-experiment = El experimento: { $title }. { $watch }
summary-custom = El experimento: sus propios ajustes (ningún preajuste).
summary-state-ready = Ahora: aún no se ha hecho ningún ensayo. Pulse Reproducir (Espacio) para hacer ensayos, o Paso (flecha derecha) para uno solo.
summary-state = Ahora: en pausa tras { $trials } ensayos. { $result }
summary-state-playing = Ahora: reproduciendo, { $trials } ensayos hasta ahora. { $result }
summary-try = Para probar: cambie la fuerza del bucle, el primero de los parámetros, y pulse Reiniciar; o pulse Comparar para fijar esta simulación como A y cambiar una copia, B. El recuadro Resultado da la media de cada simulación en los últimos 50 ensayos.
summary-try-compare = Para probar: el recuadro Resultado da las medias de A y B en los últimos 50 ensayos; cambie un parámetro para cambiar la simulación B desde el ensayo siguiente, o pulse Terminar comparación.
keys-on = Atajos de una tecla activados (desactívelos si usa entrada por voz)

## Escuchar: la curva de aprendizaje como sonido
listen = Escuchar
listen-how = 4 s de sonido: el tono sigue el |error| medio a lo largo de los ensayos, más agudo cuanto más lejos; A a la izquierda, suave; B a la derecha, más áspero
listen-nothing = Aún no hay nada que reproducir: haga primero algunos ensayos.
listen-playing = Reproduciendo la curva de aprendizaje durante 4 segundos: el tono baja cuando el error baja.
listen-playing-both = Reproduciendo ambas curvas de aprendizaje durante 4 segundos: A a la izquierda, B a la derecha; el tono baja cuando el error baja.
# Printed at the top of a printed page (the controls are not printed).
print-link = Repetir esta simulación: { $link }
# Record clip: the run drawn again frame by frame, as a video (web/clip.js).
record-clip = Grabar clip
clip-title = Grabar un clip
clip-intro = La simulación se vuelve a dibujar fotograma a fotograma a partir de su enlace — un ensayo por fotograma — con el título, el resultado y el enlace en la imagen. El mismo enlace da el mismo clip.
clip-record = Grabar
clip-from = Del ensayo
clip-to = al ensayo
clip-progress =
    .aria-label = Grabando
clip-plan = { $frames } fotogramas: { $seconds } s de vídeo a { $fps } fotogramas por segundo.
clip-recording = Grabando…
clip-no-video = Este navegador no puede codificar vídeo: los fotogramas llegarán como imágenes PNG en un archivo ZIP.
clip-ready = Listo: un vídeo WebM de { $frames } fotogramas, { $seconds } s, { $size }.
clip-ready-frames = Listo: { $frames } fotogramas como imágenes PNG en un archivo ZIP, { $size } (este navegador no puede codificar vídeo).
clip-download = Descargar el clip ({ $size })
clip-download-frames = Descargar los fotogramas ({ $size }, ZIP)
clip-poster = Descargar el póster (PNG)
clip-failed = No se pudo hacer el clip: { $why }
clip-trial = Ensayo { $trial } · clip de los ensayos { $from }–{ $to }
clip-error-from = Del ensayo: un número entero de 1 a { $last }.
clip-error-to = Al ensayo: un número entero de { $from } a { $last }, no antes del primer ensayo.
clip-error-long = Un clip tiene como máximo { $most } ensayos: elige un intervalo más corto.
clip-error-link = El enlace de la simulación no se pudo reproducir entero.
size-kb = { $size } KB
size-mb = { $size } MB
