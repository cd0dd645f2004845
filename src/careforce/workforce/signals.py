"""What the workforce app tells the apps above it, without importing them.

``demo_region_saved`` is sent inside the demo load's transaction once the synthetic region's
workplaces, staff and vacancies are saved (``workforce.demo_loading``), with ``as_of``, the region's
date. ``intelligence`` records the region's dated returns and ``recruitment`` adds its applicants
(each connects in its app's ``ready()``); a receiver that fails rolls the whole load back.
"""

from django.dispatch import Signal

demo_region_saved = Signal()
