"""Careers and recruitment domain: postcodes and distance, job search, matching, the values
self-assessment, career content and typical pay. Plain typed Python and NumPy; no Django.

Modules: ``postcodes`` (and ``postcode_table``), ``distance``, ``vacancies``, ``search``, ``matching``,
``self_assessment``, ``content``, ``pay``.
"""
