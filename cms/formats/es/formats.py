DATE_FORMAT = r"j \d\e F \d\e Y"  # 6 de enero de 2027
TIME_FORMAT = "G:i"  # 18:00
DATETIME_FORMAT = r"j \d\e F \d\e Y, G:i"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
