# Los tipos de protección, como los nombran todas las vistas de una
# evaluación. El motor decide el resultado; estos textos solo lo dicen.

relief-asylum = Asilo
relief-withholding = Suspensión de la deportación (withholding of removal)
relief-cat_withholding = Suspensión bajo la Convención contra la Tortura (CAT)
relief-cat_deferral = Aplazamiento bajo la Convención contra la Tortura (CAT)
relief-refugee_admission = Admisión como refugiado (desde el extranjero)

relief-outcome-eligible = cumple los requisitos
relief-outcome-ineligible = no cumple los requisitos
relief-outcome-undetermined = sin determinar
relief-outcome-not_applicable = no se aplica
relief-outcome-granted = concedido

relief-basis-past_persecution = persecución en el pasado
relief-basis-well_founded_fear = temor fundado de persecución en el futuro
relief-basis-humanitarian = asilo humanitario

relief-note-granted = El asilo ya fue concedido (application.granted_on): ya no se evalúan los requisitos. Las fechas y la familia que siguen resultan de la concesión.
relief-note-not-assessed = No se evalúa: el asilo ya fue concedido.
relief-note-reinstated-order = El DHS reactivó una orden de deportación anterior (asylum.bar.reinstated_order): el asilo no es posible. Si la entrevista de temor razonable sale a favor, el caso sigue en un proceso limitado (withholding-only), donde solo se puede pedir la suspensión de la deportación y la protección de la Convención contra la Tortura.

# Qué es cada protección, en palabras sencillas, para quien no es abogado.
relief-summary-asylum = Protección en los Estados Unidos para una persona que fue perseguida, o teme ser perseguida, por su raza, religión, nacionalidad, opinión política o por pertenecer a un grupo social determinado. Permite trabajar, lleva a la residencia permanente y puede incluir al cónyuge y a los hijos.
relief-summary-withholding = Protección para no ser enviado de regreso al país donde es más probable que no que su vida o su libertad estén amenazadas. No lleva a la residencia permanente y no incluye a la familia.
relief-summary-cat_withholding = Protección bajo la Convención contra la Tortura para no ser enviado a un país donde es más probable que no que lo torturen. No lleva a la residencia permanente.
relief-summary-cat_deferral = Una protección más limitada bajo la Convención contra la Tortura, para quien no puede recibir las otras: se aplaza el envío a ese país mientras allí sea más probable que no que lo torturen.
relief-summary-refugee_admission = Entrada a los Estados Unidos como refugiado, para una persona que todavía está fuera del país.
