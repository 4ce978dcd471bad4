"""Which component of a resource a metric measures, and the size a change should move it to (第十四条)."""

import math

from govcloud.metering.models import Metric

# Limitation: the catalog has no list of offered sizes yet, so the usual cloud-host steps are assumed here.
CATALOG_SIZES = {
    Metric.CPU: (1, 2, 4, 8, 16, 32, 64),
    Metric.MEMORY: (1, 2, 4, 8, 16, 32, 64, 128, 256, 512),
}


def metric_of_item(item):
    """Return the metric that measures use of a catalog item, or None.

    Limitation: items are recognised by unit (vCPU) and code (MEM), so a catalog with other codes needs this extended.
    """
    if item.unit.strip().lower() == "vcpu":
        return Metric.CPU
    if "MEM" in item.code.upper():
        return Metric.MEMORY
    return None


def component_for(resource, metric, on):
    """Return the resource's component in force on a date whose item the metric measures, or None."""
    for component in resource.components.all():
        in_force = component.effective_from <= on and (component.effective_to is None or on < component.effective_to)
        if in_force and metric_of_item(component.item) == metric:
            return component
    return None


def recommended_quantity(metric, current, peak_p95, high_percent):
    """Return the smallest catalog size at which the window's highest daily p95 stays at or under the high threshold.

    The load in units is current × p95 / 100; the size must hold it at high_percent or less.
    """
    sizes = CATALOG_SIZES.get(metric)
    if not sizes or not current:
        return None
    needed = current * peak_p95 / float(high_percent)
    for size in sizes:
        if size >= needed - 1e-9:
            return size
    return max(sizes[-1], math.ceil(needed))
