"""Personal data kept only as long as needed (UK GDPR storage limitation): what is removed, and when.

``uploads`` removes uploaded files, reports and the names in them; ``applications`` anonymises job
applications that went nowhere; ``housekeeping`` runs both (ADR 0092).
"""
