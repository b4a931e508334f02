"""The security audit log (auth schema), listed by admins."""
