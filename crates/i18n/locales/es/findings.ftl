# La pregunta de derecho que responde cada hallazgo del motor, por su id
# (véase locales/en/findings.ftl). Las citas y los nombres de los precedentes
# y de las leyes se dejan como están.

finding-asylum-presence = ¿La persona solicitante está físicamente en los Estados Unidos, o llegando a ellos?
finding-asylum-one_year = ¿Se presentó la solicitud (o, si aún no se ha presentado, se presentaría hoy) dentro del año siguiente a la última llegada?
finding-asylum-one_year_exception = ¿Excusan la presentación tardía unas circunstancias cambiadas o extraordinarias, y se presentó la solicitud dentro de un plazo razonable?
finding-asylum-safe_third_country = ¿Impide la solicitud el Acuerdo de Tercer País Seguro entre los EE. UU. y Canadá?
finding-asylum-previous_denial = ¿Impide una denegación anterior una nueva solicitud?
finding-asylum-bar-reinstated_order = ¿Ha restablecido el DHS una orden de deportación anterior, lo que hace que el asilo no esté disponible?
finding-asylum-bar-frivolous = ¿Se declaró frívola una solicitud de asilo anterior, lo que impide el asilo para siempre?
finding-asylum-lawful_pathways = ¿Hace inelegible a la persona solicitante la presunción de la regla Circumvention of Lawful Pathways (elusión de las vías legales)?
finding-refugee-every_nationality = ¿La persona solicitante con más de una nacionalidad teme persecución en cada país de su nacionalidad?
finding-group-cognizable = ¿Es reconocible (cognizable) este grupo social determinado propuesto?
finding-harm-severity = ¿Alcanza este daño el nivel de persecución?
finding-harm-actor = ¿Fue (o sería) el daño causado por el gobierno, o por alguien a quien el gobierno no puede o no quiere controlar?
finding-harm-nexus = ¿Es un motivo protegido al menos una razón central del daño?
finding-refugee-past_persecution = ¿Sufrió la persona solicitante persecución en el pasado?
finding-refugee-presumption = ¿Se mantiene la presunción de un temor fundado que crea la persecución pasada?
finding-refugee-future_persecution = Con independencia de cualquier presunción, ¿hay una posibilidad razonable de persecución futura?
finding-refugee-well_founded_fear = ¿Tiene la persona solicitante un temor fundado de persecución?
finding-asylum-humanitarian = Refutada la presunción, ¿justifican aún el asilo razones imperiosas o una posibilidad razonable de otro daño grave?
finding-asylum-bar-persecutor = ¿Ordenó, incitó, ayudó o participó de otro modo la persona solicitante en la persecución de otras personas?
finding-asylum-bar-particularly_serious_crime = ¿Fue condenada la persona solicitante por un delito particularmente grave (para el asilo, un delito grave agravado, aggravated felony, lo es)?
finding-asylum-bar-serious_nonpolitical_crime = ¿Hay razones serias para creer que la persona solicitante cometió un delito grave no político fuera de los Estados Unidos?
finding-asylum-bar-security = ¿Hay motivos razonables para considerar a la persona solicitante un peligro para la seguridad de los Estados Unidos?
finding-asylum-bar-terrorism = ¿Se aplican a la persona solicitante los motivos de terrorismo de INA § 212(a)(3)(B) o § 237(a)(4)(B)?
finding-asylum-bar-firm_resettlement = ¿Se reasentó firmemente la persona solicitante en otro país antes de llegar a los Estados Unidos?
finding-withholding-threat = ¿Es más probable que no que la vida o la libertad de la persona solicitante estarían amenazadas por un motivo protegido?
finding-withholding-bar-persecutor = ¿Ordenó, incitó, ayudó o participó de otro modo la persona solicitante en la persecución de otras personas?
finding-withholding-bar-particularly_serious_crime = ¿Fue condenada la persona solicitante por un delito particularmente grave (para la suspensión de la deportación, lo es un delito grave agravado, aggravated felony, con una pena total de al menos cinco años)?
finding-withholding-bar-serious_nonpolitical_crime = ¿Hay razones serias para creer que la persona solicitante cometió un delito grave no político fuera de los Estados Unidos?
finding-withholding-bar-security = ¿Hay motivos razonables para considerar a la persona solicitante un peligro para la seguridad de los Estados Unidos (incluida la actividad terrorista)?
finding-cat-torture_likely = ¿Es más probable que no que la persona solicitante sería torturada?
finding-cat-official = ¿Sería la tortura infligida por un funcionario público, a instigación suya, o con su consentimiento o aquiescencia (incluida la ceguera voluntaria)?
finding-refugee_admission-outside_nationality = ¿Está la persona solicitante fuera de los Estados Unidos y fuera de todo país de su nacionalidad (o, si es apátrida, del de su última residencia habitual)?
finding-refugee_admission-security = ¿Se aplican a la persona solicitante los motivos de seguridad o terrorismo de INA § 212(a)(3), que no se pueden dispensar para un refugiado?
finding-family-derivative = ¿Puede este familiar obtener el estatus derivado a través de la persona solicitante?
