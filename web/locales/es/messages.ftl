## Frases que escribe el modelo: la línea de estado, los nombres de las simulaciones, la cabecera de una figura y los errores.
## El programa rellena los argumentos: $field es la clave de un parámetro tal como la escriben los enlaces.

## Errores en un valor (un enlace, un control escrito a mano, una configuración desde un script, una opción de la CLI)
error-out-of-range = `{ $field }` = { $value } está fuera del rango { $min }–{ $max }
error-not-whole = `{ $field }` = { $value } debe ser un número entero
error-not-one-of = `{ $field }` = { $value } no es ninguno de estos: { $allowed }
error-not-a-number = `{ $field }` = { $value } no es un número (valores permitidos: { $allowed })
error-not-finite = `{ $field }` = { $value } no es un número finito (valores permitidos: { $allowed })
error-outside = `{ $field }` = { $value } está fuera del rango { $allowed }
error-not-whole-in = `{ $field }` = { $value } debe ser un número entero en { $allowed }
error-unknown-parameter = parámetro desconocido { $key } (`bgloop schema` los enumera)
error-not-a-language = `{ $field }` = { $value } no es un idioma que bgloop hable: { $allowed }
error-built-for = Fuera del rango para el que se construyó este modelo ({ $range }): { $why }.
note-built-for = { $label } = { $value }: { $sentence }

## Las fases de una simulación
phase-baseline = línea base
phase-rotation = rotación
phase-washout = desadaptación
phase-gpi-off = GPi apagado
phase-probe = prueba

## Cambios durante una simulación que tienen nombre propio
event-gpi-off = GPi apagado
event-washout = desadaptación

## La línea de estado
status-ready = Listo: pulsa Reproducir, o Paso para un solo ensayo.
status-first-trial = Ensayo 1 en curso · { $ms } ms
status-stopped = Detenido: { $why }
status-not-executed = no ejecutado (sin alcance, sin recompensa)
status-outcome = error { $error }° · recompensa { $reward } · alcance { $reach } ms
status-outcome-short = error { $error }°, recompensa { $reward }, alcance { $reach } ms
status-trial = Ensayo { $trial } · { $phase } · { $outcome }
status-trial-both = Ensayo { $trial } · { $a } · { $b }
status-b-at = B (ensayo { $trial })

## El resultado: una media sobre una ventana de ensayos, por simulación
result-title = Resultado
result-last = { $n ->
    [one] Último ensayo ({ $to })
   *[other] Últimos { $n } ensayos ({ $from }–{ $to })
}
result-window = Ensayos { $from }–{ $to }
result-figures = |error| medio { $error }° (DE { $sd }°) · recompensa { $reward } % · alcances hechos { $executed } % · { $reach }
result-reach = tiempo de alcance { $ms } ms
result-no-reach = ningún alcance
result-so-far = { $line } (hasta ahora: ensayos { $from }–{ $to })
result-not-reached = aún no alcanzado (la simulación va por el ensayo { $done })
result-too-short = demasiado pocos ensayos para concluir ({ $n } de al menos { $min })
result-run = { $run }: { $line }
result-sentence = { $heading }: { $runs }.
result-joiner = { "; " }

## Los nombres de las dos simulaciones de una comparación
run-more = { " " }(+{ $n } más)
run-b-unchanged = B (aún sin cambios)
run-named = { $run }: { $name }
run-from-trial = { $change } desde el ensayo { $trial }

## La cabecera de una figura
figure-custom = Un experimento personalizado
figure-versus = { $title }: { $a } frente a { $b }
figure-seed = semilla { $seed }
figure-trials = { $n ->
    [0] aún no hay ensayos
    [1] ensayo 1
   *[other] ensayos 1–{ $n }
}
figure-from-trial = desde el ensayo { $trial }: { $change }
error-and-more = ; y { $n } más
rejected-run-b = simulación B: { $error }
error-in-event = `{ $event }`: { $error }

## Una simulación que salió del rango seguro del modelo
error-diverged = la simulación divergió en el ensayo { $trial } a los { $ms } ms: tasa de { $population } { $rate } (límite { $limit }). Causa probable: { $cause }. Reinicia con otros valores.
cause-cortex = recurrencia cortical (cortical_recurrence) demasiado fuerte para la inhibición, o demasiado impulso (cortical_drive, cue_strength, loop_strength con g_ct)
cause-striatum = pesos corticoestriatales demasiado fuertes (dopamine, g_sc, weight_max, cue_learning_rate, learning_rate)
cause-stn-gpi = ganancias subtálamo-palidales demasiado fuertes (g_nc, g_gn)
cause-thalamus = fondo talámico o ganancias demasiado fuertes (i_t, g_ct)

## Las opciones de vista de un enlace
error-flag = `{ $field }` = { $value } debe ser 1 o 0
error-view = `{ $field }` = { $value } no es una de las vistas: { $views }
error-speed = `{ $field }` = { $value } debe ser un número entero en 0–{ $max }
error-end-trial = `{ $field }` = { $value } debe ser un número de ensayo en 1–{ $max }
error-window-form = `{ $field }` = { $value } debe ser un rango de ensayos DESDE-HASTA dentro de 1–{ $max }, p. ej. 301-400 (hasta 4, separados por comas)
error-window-reversed = `{ $field }` = { $value } va al revés: escriba primero el primer ensayo ({ $turned })
error-window-count = `{ $field }` nombra { $count } ventanas; un enlace puede nombrar como máximo { $max }
error-window-beyond = `{ $field }` = { $value } termina después del ensayo { $end }, donde se detiene este enlace (`to`): la ventana nunca estaría completa
error-tour-step = `{ $field }` = { $value } debe ser un paso en 1–{ $max }
error-tour-file = `{ $field }` = { $value } debe ser un número de paso o una ruta en este sitio a una visita .json, con su paso si no es el primero, p. ej. tours/mine.json o tours/mine.json:3
error-hide-part = `{ $field }` nombra { $value }, que no es ni una parte de la página ({ $parts }) ni un parámetro

## Notes and refusals of a link (said in the reader's language wherever the link is opened).
link-note-too-long = el enlace tiene más de { $max } caracteres; se ignoraron las entradas desde el carácter { $from }
link-note-too-many = el enlace tiene más de { $max } entradas; se ignoraron las demás
link-note-newer = este enlace se hizo con una versión más reciente de bgloop (v={ $version }; esta es v={ $current }): se listan las entradas que no conoce
link-note-v1 = este enlace se hizo antes de revisar la regla de aprendizaje para varios objetivos (v=1): se reproduce con los ajustes de aprendizaje con que se hizo
link-note-v2 = este enlace se hizo antes de conservar las depresiones aprendidas (v=2), cuando el aprendizaje silenciaba lentamente el GPi a lo largo de miles de ensayos: se reproduce con los ajustes de aprendizaje con que se hizo (suelo de los pesos: actualización)
link-note-v3-dopamine = este enlace se hizo antes de que la pérdida de dopamina debilitara también la señal de enseñanza (v=3): se reproduce tal como se hizo, con el nivel de dopamina escalando solo la entrada corticoestriatal (señal de enseñanza: separada)
link-note-retired = `{ $key }` { $why }: ignorada
retired-untuned_drive = nunca la aplicó el modelo (no tenía efecto) y ya no es un parámetro
rejected-no-key = una entrada sin clave (las entradas son clave=valor)
rejected-no-key-b = una entrada sin clave (las entradas de la simulación B son b.clave=valor)
rejected-percent = `{ $key }`: codificación porcentual no válida (use escapes %XX de UTF-8)
rejected-version = `v` = { $value } debe ser un número de versión, como { $current }
rejected-preset = `preset` = { $value } no es uno de: { $names }
rejected-b-event = `{ $key }`: los cambios de la simulación B a lo largo del tiempo son eventos, p. ej. b.@151.{ $live }=0
rejected-b-header = `{ $key }`: la simulación B comparte la versión y el preajuste de la simulación A; indique las diferencias de B como b.clave=valor
rejected-b-view = `{ $key }`: las opciones de vista se aplican a toda la página, no a la simulación B
rejected-said = { $reason }

## Un cambio durante la simulación, tal como lo escribe un enlace (@ensayo.clave=valor): por qué se rechaza
event-form = un evento se escribe @ensayo.clave=valor o @primero-último.clave=desde..hasta
event-not-live = `{ $key }` no puede cambiar durante una simulación (se aplica al reiniciar); parámetros que pueden cambiar en marcha: { $live }
event-ramp-dots = el valor de una rampa se escribe desde..hasta con dos puntos, p. ej. 0..60
event-trial = el ensayo { $trial } debe ser un número entero entre 1 y { $max }
event-ramp-needs-trials = una rampa necesita un intervalo de ensayos: @primero-último.clave=desde..hasta
event-ramp-order = el último ensayo de una rampa debe venir después del primero
event-step-only = `{ $key }` solo puede cambiar de golpe, no en rampa ({ $allowed })
event-ramp-value = el valor de una rampa se escribe desde..hasta, p. ej. 0..60
event-ramp-numbers = los extremos de una rampa deben ser números
event-too-many = un programa contiene como máximo { $max } eventos
event-begun = `{ $event }`: el ensayo { $trial } ya ha comenzado; un cambio se aplica ahora a partir del ensayo { $first }
error-legacy-trials = `{ $field }` debe ser un número entero de ensayos entre 0 y { $max } (0 = nunca)

## Por qué un barrido no puede hacerse sobre este experimento
sweep-comparison = un barrido recorre un solo experimento, y este es una comparación (la simulación B tiene sus propios ajustes): termine la comparación, o elija un preajuste que no lo sea
sweep-event = `{ $param }`: el experimento cambia `{ $param }` a partir del ensayo { $trial } ({ $event }), así que un barrido solo lo fijaría hasta entonces; quite ese evento o barra otro parámetro
sweep-not-real = `{ $param }` no se puede barrer: solo se barren parámetros de valor real
sweep-values = el número de valores { $count } debe estar entre 1 y { $max }
sweep-one-value = `{ $param }` de { $from } a { $to } da un solo valor, no { $count }: pida 1 valor o dos extremos distintos
sweep-twice = `{ $param }` ya se barre: un mapa barre dos parámetros distintos
sweep-too-many-runs = el barrido tiene { $runs } simulaciones (valores × valores × semillas); como máximo { $max }
error-in-sweep = `{ $key }`: { $why }
sweep-link-part = `{ $part }` debe ser clave:desde:hasta:número, seeds:K, trials:N o measure:M
sweep-link-number = `{ $param }`: el valor de { $what } `{ $value }` no es un número
sweep-link-count = `{ $param }`: el número `{ $value }` debe ser un entero entre 1 y { $max }
sweep-link-seeds = `seeds:{ $value }` debe ser un entero entre 1 y { $max }
sweep-link-trials = `trials:{ $value }` debe ser un entero entre { $min } y { $max }
sweep-link-measure = `measure:{ $value }` debe ser una de estas medidas: { $measures }
sweep-link-axes = un barrido recorre un parámetro, o dos para un mapa (este enlace da { $count })
sweep-link-from = inicio
sweep-link-to = fin
