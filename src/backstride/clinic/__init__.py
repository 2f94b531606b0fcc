"""Clinicians' side: links to runners, invitations, the roster and the audit trail."""
