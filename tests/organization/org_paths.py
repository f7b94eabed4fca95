import pathlib

ORGS = pathlib.Path(__file__).resolve().parents[1] / "transcripts" / "orgs"
THREE = str(ORGS / "three-servers-2016.toml")
