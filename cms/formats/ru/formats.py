DATE_FORMAT = "j E Y г."  # 6 января 2027 г.
TIME_FORMAT = "H:i"  # 18:00
DATETIME_FORMAT = "j E Y г., H:i"
YEAR_MONTH_FORMAT = "F Y г."
MONTH_DAY_FORMAT = "j E"
