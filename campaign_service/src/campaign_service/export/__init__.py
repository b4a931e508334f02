"""The whole campaign as one JSON document, through the filtering layer."""
