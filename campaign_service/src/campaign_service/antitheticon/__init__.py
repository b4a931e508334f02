"""The Antitheticon: identities and facades, the knowledge graph, reveals, the nemesis, progress."""
