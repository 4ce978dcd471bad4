"""Change, exit and reclaim on top of the application and resource services (第十四条, 第十五条)."""


def draft_change_for_flags(resource, flags):
    return None
