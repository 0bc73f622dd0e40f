"""The extraction stages, one per module; ``readouts.pipeline`` runs them in order."""
