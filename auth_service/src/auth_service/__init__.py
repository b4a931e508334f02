"""Auth service: Accounts, tokens, API keys and Traefik forward-auth."""
