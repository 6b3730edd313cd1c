"""iCalendar (RFC 5545) export of events, so citizens add them to their phone's calendar."""

from icalendar import Calendar, Event


def calendario_ics(eventos, *, nombre, dominio, url_base):
    calendario = Calendar()
    calendario.add("prodid", f"-//{nombre}//Portal municipal//ES")
    calendario.add("version", "2.0")
    calendario.add("x-wr-calname", nombre)
    calendario.add("x-wr-timezone", "America/Bogota")
    for evento in eventos:
        entrada = Event()
        entrada.add("uid", f"evento-{evento.pk}@{dominio}")
        entrada.add("summary", evento.titulo)
        entrada.add("dtstart", evento.inicio)
        if evento.fin:
            entrada.add("dtend", evento.fin)
        entrada.add("dtstamp", evento.modificado)
        entrada.add("location", evento.lugar)
        entrada.add("url", url_base + evento.get_absolute_url())
        calendario.add_component(entrada)
    return calendario.to_ical()
