# La lista de pruebas: el título de cada elemento legal y el nombre de cada
# prueba (véase locales/en/evidence.ftl). Los nombres de formularios, leyes y
# organismos (I-94, CBP, Matter of Lozada) se dejan como están.

evidence-element-identity = Identidad y nacionalidad
evidence-item-identity-passport = Pasaporte, todas las páginas (sellos de entrada y salida)
evidence-item-identity-national_id = Documento nacional de identidad
evidence-item-identity-birth_certificate = Acta de nacimiento, u otro registro civil del nacimiento
evidence-item-identity-identity_affidavits = Declaraciones juradas de personas que conocen a la persona solicitante, con una copia de sus documentos de identidad

evidence-element-past_harm = El daño sufrido, y que llegó a ser persecución
evidence-item-past_harm-declaration = La declaración de la persona solicitante: detallada, en orden cronológico y firmada (con un certificado de traducción, o un certificado del intérprete de que se le leyó)
evidence-item-past_harm-medical_records = Historias clínicas del país de origen (notas del hospital o de la clínica, recetas)
evidence-item-past_harm-forensic_evaluation = Una evaluación médica o psicológica forense en los Estados Unidos
evidence-item-past_harm-police_records = Denuncias a la policía, registros de arresto, de tribunales o de detención, citaciones, órdenes de arresto
evidence-item-past_harm-witness_affidavits = Declaraciones juradas o cartas de testigos (familia, vecinos, dirigentes del partido, religiosos), cada una con una copia del documento de identidad de quien la escribe
evidence-item-past_harm-photos_messages = Fotos, videos, mensajes de amenaza (capturas de pantalla con sus metadatos, traducidas)

evidence-element-nexus = El nexo: un motivo protegido es al menos una razón central del daño
evidence-item-nexus-declaration = La declaración de la persona solicitante: lo que dijeron e hicieron los perseguidores que muestra su motivo
evidence-item-nexus-membership_evidence = Carnés de afiliación, cartas del partido, de la asociación o de la iglesia, fotos en actos, publicaciones
evidence-item-nexus-expert_declaration = La declaración de un perito (los motivos de los perseguidores; la distinción social de un grupo), con su currículum
evidence-item-nexus-country_reports = Informes sobre el país y noticias sobre el trato a personas como la persona solicitante

evidence-element-actor = El agente: el gobierno, o un particular al que el gobierno no puede o no quiere controlar
evidence-item-actor-police_complaint = Una denuncia a la policía o el comprobante de la denuncia, y lo que resultó de ella
evidence-item-actor-no_report_explanation = La explicación de la persona solicitante de por qué no denunció, o de por qué denunciar era inútil
evidence-item-actor-impunity_reports = Informes del Departamento de Estado y de ONG sobre la participación de las autoridades en ese tipo de daño, o sobre que no lo impiden

evidence-element-one_year = La presentación dentro del año siguiente a la última llegada
evidence-item-one_year-entry_evidence = Pruebas de la fecha de la última llegada: el I-94, sellos del pasaporte, registros de CBP o del parole
evidence-item-one_year-entry_affidavits = Declaraciones juradas de personas que vieron a la persona solicitante en los Estados Unidos poco después de su llegada, o que viajaron con ella

evidence-element-one_year_exception = La excepción al plazo de un año, y la presentación dentro de un plazo razonable
evidence-item-one_year_exception-medical_records = Historias clínicas de una enfermedad o discapacidad grave (física o mental), con sus fechas
evidence-item-one_year_exception-status_records = Registros del estatus legal, el TPS o el parole que se tuvo hasta un plazo razonable antes de presentar la solicitud
evidence-item-one_year_exception-changed_circumstances = Pruebas de las circunstancias cambiadas (informes y noticias del país, o el cambio en la vida de la persona solicitante) y sus fechas
evidence-item-one_year_exception-lozada_documents = Por una asistencia legal ineficaz: la declaración jurada de la persona solicitante, el aviso al representante anterior y la queja (Matter of Lozada)

evidence-element-fear = El temor a un daño futuro, y la situación del país
evidence-item-fear-declaration = La declaración de la persona solicitante: qué teme, de quién y por qué
evidence-item-fear-recent_threats = Pruebas de amenazas recientes (mensajes, cartas, declaraciones juradas de testigos)
evidence-item-fear-similarly_situated = Pruebas de que familiares o personas como la persona solicitante sufrieron daños (actas de defunción, noticias, cartas)
evidence-item-fear-state_department_report = El informe del Departamento de Estado sobre las prácticas de derechos humanos en el país (Country Report on Human Rights Practices, y el informe sobre libertad religiosa internacional), con los pasajes marcados
evidence-item-fear-ngo_reports = Informes de ONG y de organismos intergubernamentales (Human Rights Watch, Amnistía Internacional, las directrices de elegibilidad del ACNUR) y noticias, en sus ediciones actuales, con los pasajes marcados
evidence-item-fear-expert_declaration = La declaración de un perito sobre la situación del país o la probabilidad de tortura, con su currículum

evidence-element-family = El parentesco de cada cónyuge e hijo
evidence-item-family-marriage_certificate = Acta de matrimonio
evidence-item-family-birth_certificate = El acta de nacimiento del hijo o hija, que nombra a la persona solicitante como madre o padre
evidence-item-family-identity_document = El pasaporte o documento de identidad del familiar
