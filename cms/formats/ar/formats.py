# The Arabic comma (،) throughout, as in the readers' browsers; Django's own
# Arabic formats mix it with the Latin one.
DATE_FORMAT = "j F Y"  # 6 يناير 2027
TIME_FORMAT = "g:i A"  # 6:00 م
DATETIME_FORMAT = "j F Y، g:i A"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
