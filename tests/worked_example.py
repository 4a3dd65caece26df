"""The worked example of domain.md as typed into the form, shared by every test package.

62 kg, 150 million cells, lot 5 million cells/mL at 92 % viability, two 20 mL bags. Worked by hand:
Cv = 4.6 million/mL; Vx = 32.6087 mL; V = 32.6 mL; Dd = 149.96 million cells (2.419 million/kg);
2 bags; diluent 67.4 mL to 100 mL; 100 mL/h; 33 gtt/min.
"""

WORKED_TEXTS: dict[str, str] = {
    "weight": "62 kg",
    "dose": "150 million cells",
    "concentration": "5 million cells/mL",
    "viability": "92 %",
    "bag_volume": "20 mL",
    "bags": "2",
}
