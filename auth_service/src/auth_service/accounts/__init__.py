"""Accounts: registration, passwords, login bookkeeping, roles, admin user management."""
