from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statements"

    def ready(self):
        from actors.signals import actors_merged

        from .clustering.services import merged_speaker

        actors_merged.connect(merged_speaker, dispatch_uid="statements.clusters.merged_speaker")
