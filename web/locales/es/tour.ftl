## La visita guiada: su título, y el título y el texto de cada paso.

tour-title = Por qué adaptar un movimiento de alcance necesita un bucle fuerte a través de los ganglios basales

tour-step-1 = Un bucle a través de los ganglios basales
    .text = La corteza mantiene el plan de un movimiento de alcance. Se comunica con los ganglios basales por dos vías: a través del estriado, que inhibe al núcleo de salida, el GPi, y a través del NST, que lo excita. El GPi inhibe al tálamo, y el tálamo excita de vuelta a la corteza. Observa los colores mientras se planifica y se ejecuta un movimiento de alcance: el rojo indica actividad por encima del reposo, el azul por debajo.
tour-step-2 = Un movimiento de alcance y un cursor rotado
    .text = En cada ensayo aparece el objetivo, la corteza planifica y la mano se mueve siguiendo el plan. Aquí el cursor que ve el sujeto está rotado 30°: un alcance dirigido al objetivo cae unos 30° desviado, más o menos según el ruido que hace distinto cada alcance (estos tres caen desviados 52°, 34° y 12°). Fuera del objetivo, un alcance no obtiene recompensa.
tour-step-3 = La recompensa enseña al bucle
    .text = El ruido en el estriado hace que cada movimiento de alcance sea un poco distinto. Cuando uno cae por casualidad cerca del objetivo, se recompensa, y la dopamina refuerza las sinapsis corticoestriatales que lo produjeron. En unas pocas decenas de ensayos, el error se reduce a unos pocos grados.
tour-step-4 = Un bucle débil no puede adaptarse
    .text = La misma tarea dos veces con la misma semilla: A con el bucle a plena fuerza, B con el bucle talamocortical reducido a un cuarto. B sigue haciendo movimientos de alcance, pero su error se queda cerca de 30°: lo que aprenden los ganglios basales ya no llega al plan cortical.
tour-step-5 = Aprender y luego silenciar el GPi
    .text = Ambas simulaciones se adaptan durante 400 ensayos y después se apaga la salida del GPi. Los movimientos de alcance se siguen haciendo, tan rápidos como antes: ejecutar un movimiento no necesita los ganglios basales. Pero el error de A vuelve de golpe a 30°. La simulación B había copiado lentamente en la corteza sus alcances recompensados, y los conserva.
tour-step-6 = La corteza mantiene el plan
    .text = La señal visual dura solo 100 ms, pero el paquete de actividad cortical persiste después: la excitación recurrente en el anillo cortical mantiene el plan, un atractor. Mira la banda de la corteza en la vista de actividad. (La mano deriva pero no recorre la distancia al objetivo en este ensayo, así que la línea de estado dice que no se hizo ningún movimiento de alcance: este paso trata del plan, no del movimiento.)
tour-step-7 = Dopamina y un ritmo de 10 Hz
    .text = Con la dopamina a una quinta parte de lo normal, la vía estriatal se debilita y el bucle a través del NST toma el control: el GPi oscila a unos 10 Hz, con franjas en su banda. Con dopamina normal, ese mismo bucle produce en cambio un descenso focalizado de la actividad del GPi bajo el plan.
tour-step-8 = Aprender a alcanzar desde cero
    .text = Sin ningún mapa innato de los objetivos a los movimientos, los primeros alcances van a cualquier parte. Los alcances recompensados enseñan al estriado qué células reclutar para cada uno de los ocho objetivos y, tras unos cientos de ensayos, la mayoría de los alcances aciertan.
tour-step-9 = Bloquear el aprendizaje: la habilidad se mantiene, no se aprende nada nuevo
    .text = Ambas simulaciones se adaptan a la rotación de 30°. Desde el ensayo 301, la plasticidad dependiente de dopamina de B está bloqueada, pero sus alcances siguen adaptados: en los ensayos 351–400 el |error| medio de ambas está por debajo de 6°. Desde el ensayo 401 la rotación crece a 50°: A aprende los 20° adicionales, B no; en los ensayos 601–700 el |error| medio de A está por debajo de 8° y el de B es de 17–23° (el recuadro Resultado muestra ambas ventanas). Bloquear la señal de enseñanza de la dopamina en ratones tuvo el mismo efecto (Ghanayim et al. 2025).
tour-step-10 = Perder dopamina, como en la enfermedad de Parkinson
    .text = En la enfermedad de Parkinson mueren las neuronas dopaminérgicas que abastecen al estriado. Desde el ensayo 301, B conserva la mitad: sus alcances se ralentizan. En los ensayos 351–400 el tiempo de alcance medio de B es de 165–225 ms y el de A de 125–135 ms (el recuadro Resultado muestra la media de cada simulación). Las mismas neuronas llevan la señal de enseñanza, así que cuando la rotación crece 20° desde el ensayo 401, B la aprende más despacio: la mitad del nuevo paso le lleva a B una mediana de 54 ensayos y a A 33 (semillas 1–8). En los ensayos 451–500 el |error| medio de A es de 5–11° y el de B de 7–19°. B lo logra al final: en los ensayos 601–700 su |error| medio es de 6–8°.
