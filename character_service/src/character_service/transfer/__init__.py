"""Import and export: our JSON (lossless), Foundry VTT dnd5e actors, a printable PDF sheet."""
