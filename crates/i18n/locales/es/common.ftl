# Redacción común: el nombre del idioma, fechas, números y el aviso.

language-name = Español

# Fechas escritas: { $day }, { $month } (un mensaje month-N) y { $year }.
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

# Separador de miles en los números enteros (12,500), como en el español de
# los Estados Unidos y de México.
number-group-separator = ,

notice-not-legal-advice = Esta evaluación apoya, y no reemplaza, el criterio de un abogado de inmigración calificado o de un representante acreditado.
