"""The one filtering layer between the campaign's secrets and its players."""
