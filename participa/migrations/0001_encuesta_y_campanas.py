"""The annual website survey (from gelt) and the outreach campaigns (from portal) move to participa without
touching their data: the models enter participa's state on their existing tables (``db_table``), the old apps
drop them from their state only (gelt 0014, portal 0023), and the content types (so the permissions given to
groups and the change history) are renamed to participa."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import portal.models.visitas
from django.db import migrations, models


MOVIDOS = {
    "gelt": ["encuesta", "pregunta", "opcion", "respuesta", "respuestapregunta", "enviolimitado"],
    "portal": ["campana"],
}


def _mover_tipos(apps, de, a):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app, modelos in MOVIDOS.items():
        origen, destino = (app, "participa") if de == "origen" else ("participa", app)
        for modelo in modelos:
            if ContentType.objects.filter(app_label=destino, model=modelo).exists():
                continue  # already there (a database that never had the old one): nothing to move
            ContentType.objects.filter(app_label=origen, model=modelo).update(app_label=destino)


def tipos_a_participa(apps, schema_editor):
    _mover_tipos(apps, "origen", "participa")


def tipos_de_vuelta(apps, schema_editor):
    _mover_tipos(apps, "participa", "origen")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("gelt", "0014_criterios_de_participacion"),
        ("portal", "0022_vocabulario_de_busqueda"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='Campana',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('codigo', models.CharField(help_text='Corto y fácil de dictar por la radio: el enlace será /c/<código>/, por ejemplo /c/fiesta/.', max_length=40, unique=True, validators=[django.core.validators.RegexValidator(message='Use solo letras minúsculas sin tildes, números y guiones, por ejemplo «fiesta-patronal».', regex='^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$')], verbose_name='código')),
                    ('nombre', models.CharField(max_length=150, verbose_name='nombre')),
                    ('destino', models.CharField(default='/', help_text='Dirección dentro del portal, por ejemplo /tramites/ o /noticias/feria-del-cafe/.', max_length=300, validators=[portal.models.visitas.validar_destino], verbose_name='página de destino')),
                    ('medio', models.CharField(choices=[('perifoneo', 'Perifoneo'), ('emisora', 'Emisora comunitaria'), ('evento', 'Evento cultural'), ('cafe_internet', 'Café internet'), ('cartel', 'Cartel o afiche'), ('redes', 'Redes sociales'), ('otro', 'Otro')], default='otro', max_length=20, verbose_name='medio')),
                    ('activa', models.BooleanField(default=True, help_text='Si la desactiva, el enlace corto deja de funcionar (página 404).', verbose_name='activa')),
                    ('creada', models.DateTimeField(auto_now_add=True, verbose_name='creada')),
                ],
                options={
                    'verbose_name': 'campaña de difusión',
                    'verbose_name_plural': 'campañas de difusión',
                    'db_table': 'portal_campana',
                    'ordering': ['-creada'],
                },
            ),
            migrations.CreateModel(
                name='Encuesta',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('titulo', models.CharField(max_length=200, verbose_name='título')),
                    ('introduccion', models.TextField(blank=True, help_text='Se muestra arriba del cuestionario: para qué es y cuánto tarda.', verbose_name='introducción')),
                    ('abre', models.DateField(help_text='Primer día en que se puede responder.', verbose_name='abre')),
                    ('cierra', models.DateField(help_text='Último día en que se puede responder.', verbose_name='cierra')),
                    ('resultados_publicados', models.BooleanField(default=False, help_text='Marcado: cualquier persona ve los resultados en /participa/encuesta/resultados/.', verbose_name='resultados publicados')),
                    ('creada', models.DateTimeField(auto_now_add=True, verbose_name='creada')),
                ],
                options={
                    'verbose_name': 'encuesta del sitio web',
                    'verbose_name_plural': 'encuestas del sitio web',
                    'db_table': 'gelt_encuesta',
                    'ordering': ['-abre', '-pk'],
                },
            ),
            migrations.CreateModel(
                name='EnvioLimitado',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('huella', models.CharField(db_index=True, max_length=64, verbose_name='huella del cliente')),
                    ('registrado', models.DateTimeField(db_index=True, verbose_name='registrado (hora)')),
                    ('encuesta', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='participa.encuesta')),
                ],
                options={
                    'verbose_name': 'control de envíos',
                    'verbose_name_plural': 'controles de envíos',
                    'db_table': 'gelt_enviolimitado',
                },
            ),
            migrations.CreateModel(
                name='Pregunta',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('texto', models.CharField(max_length=300, verbose_name='pregunta')),
                    ('ayuda', models.CharField(blank=True, help_text='Una frase que explica la pregunta, si hace falta.', max_length=300, verbose_name='ayuda')),
                    ('tipo', models.CharField(choices=[('escala', 'Escala de 1 a 5'), ('unica', 'Una sola opción'), ('multiple', 'Varias opciones'), ('si_no', 'Sí o no'), ('texto_corto', 'Texto corto'), ('texto_largo', 'Texto largo')], max_length=12, verbose_name='tipo')),
                    ('escala_minimo', models.CharField(blank=True, help_text='Solo en escalas. Por ejemplo «Nada clara».', max_length=40, verbose_name='qué significa 1')),
                    ('escala_maximo', models.CharField(blank=True, help_text='Solo en escalas. Por ejemplo «Muy clara».', max_length=40, verbose_name='qué significa 5')),
                    ('obligatoria', models.BooleanField(default=True, verbose_name='obligatoria')),
                    ('orden', models.PositiveSmallIntegerField(default=0, verbose_name='orden')),
                    ('encuesta', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='preguntas', to='participa.encuesta')),
                ],
                options={
                    'verbose_name': 'pregunta',
                    'verbose_name_plural': 'preguntas',
                    'db_table': 'gelt_pregunta',
                    'ordering': ['encuesta', 'orden', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='Opcion',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('texto', models.CharField(max_length=200, verbose_name='opción')),
                    ('orden', models.PositiveSmallIntegerField(default=0, verbose_name='orden')),
                    ('pregunta', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='opciones', to='participa.pregunta')),
                ],
                options={
                    'verbose_name': 'opción',
                    'verbose_name_plural': 'opciones',
                    'db_table': 'gelt_opcion',
                    'ordering': ['pregunta', 'orden', 'pk'],
                },
            ),
            migrations.CreateModel(
                name='Respuesta',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('recibida', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='recibida')),
                    ('encuesta', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='respuestas', to='participa.encuesta')),
                ],
                options={
                    'verbose_name': 'respuesta a la encuesta',
                    'verbose_name_plural': 'respuestas a la encuesta',
                    'db_table': 'gelt_respuesta',
                    'ordering': ['-recibida'],
                },
            ),
            migrations.CreateModel(
                name='RespuestaPregunta',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('valor_numero', models.PositiveSmallIntegerField(blank=True, help_text='Escala: de 1 a 5. Sí o no: 1 es sí, 0 es no.', null=True, verbose_name='valor')),
                    ('texto', models.TextField(blank=True, verbose_name='texto')),
                    ('opciones', models.ManyToManyField(blank=True, related_name='elegida_en', to='participa.opcion', verbose_name='opciones')),
                    ('pregunta', models.ForeignKey(on_delete=django.db.models.deletion.RESTRICT, related_name='respuestas', to='participa.pregunta')),
                    ('respuesta', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='valores', to='participa.respuesta')),
                ],
                options={
                    'verbose_name': 'respuesta a una pregunta',
                    'verbose_name_plural': 'respuestas a las preguntas',
                    'db_table': 'gelt_respuestapregunta',
                    'ordering': ['pregunta__orden'],
                    'constraints': [models.UniqueConstraint(fields=('respuesta', 'pregunta'), name='una_respuesta_por_pregunta')],
                },
            ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(tipos_a_participa, tipos_de_vuelta),
    ]
