"""stationkit plugin for Pingshan's emergency-management service stations (坪山区应急管理服务站):
three station types, the "1+3+1" (2023) and "两过半+一批" (2024) targets, and the street's
40/60 yearly score with the continuous-construction bonus."""
