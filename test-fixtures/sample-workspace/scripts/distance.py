"""Distance conversions, each refusing negative lengths."""

METRES_PER_MILE = 1609.344
METRES_PER_FOOT = 0.3048


def miles_to_metres(miles: float) -> float:
    if miles < 0:
        raise ValueError(f"negative length: {miles}")
    return miles * METRES_PER_MILE


def metres_to_miles(metres: float) -> float:
    if metres < 0:
        raise ValueError(f"negative length: {metres}")
    return metres / METRES_PER_MILE


def feet_to_metres(feet: float) -> float:
    if feet < 0:
        raise ValueError(f"negative length: {feet}")
    return feet * METRES_PER_FOOT
