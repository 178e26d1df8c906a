"""Lucene as a peer: find a JDK and the Lucene jar, compile ``LuceneBench.java``, run it.

The jar is the one pyserini ships (``anserini-0.24.0-fatjar.jar``, Lucene 9.9.1 inside,
built for Java 11+). pip cannot fetch pyserini's source archive without running its
setup.py, which fails, so ``fetch`` takes the same jar from the same release's wheel
(``pip download --no-deps --only-binary :all: pyserini==0.24.0``, 142 MB, once) and keeps
only the jar. That download is the only step that reaches the package registry; given the
wheel (a copy kept from an earlier download), ``fetch`` reads the jar from it offline. The run
itself never needs the network. Where no JDK or no jar is found, the peer is skipped with a note.

    python benchmarks/lucene.py fetch DIR [WHEEL]   # what `make bench` runs before the benchmark
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYSERINI = "pyserini==0.24.0"
JAR_NAME = "anserini-0.24.0-fatjar.jar"
DEFAULT_JAR = Path(sys.prefix) / "lucene" / JAR_NAME  # the running virtual environment's (`make bench`: .venv/lucene)
MIN_JAVA = 11


def fetch(folder: Path, wheel: Path | None = None) -> Path:
    """The jar in ``folder``: read from ``wheel`` if given, else from a wheel pip downloads, the first time."""
    jar = folder / JAR_NAME
    if jar.exists():
        return jar
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="pyserini-") as tmp:
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                            PYSERINI, "-d", tmp], check=True)
            wheel = next(Path(tmp).glob("pyserini-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            member = next(n for n in z.namelist() if n.endswith("/" + JAR_NAME))
            part = jar.with_suffix(".part")
            with z.open(member) as src, open(part, "wb") as dst:
                while chunk := src.read(1 << 20):
                    dst.write(chunk)
            part.rename(jar)
    return jar


def java_home() -> tuple[Path, int] | None:
    """The newest JDK (java and javac) of at least Java 11: JAVA_HOME, then /usr/lib/jvm."""
    homes = [Path(os.environ["JAVA_HOME"])] if os.environ.get("JAVA_HOME") else []
    homes += sorted(Path("/usr/lib/jvm").glob("*")) if Path("/usr/lib/jvm").is_dir() else []
    found = []
    for home in homes:
        if (home / "bin" / "javac").exists() and (home / "bin" / "java").exists():
            done = subprocess.run([str(home / "bin" / "java"), "-version"], capture_output=True, text=True)
            match = re.search(r'version "(\d+)', done.stderr)
            if match and int(match.group(1)) >= MIN_JAVA:
                found.append((int(match.group(1)), home))
    return (max(found)[1], max(found)[0]) if found else None


def unavailable(jar: Path = DEFAULT_JAR) -> str | None:
    if not java_home():
        return f"Lucene skipped: no JDK of Java {MIN_JAVA}+ (javac and java) under JAVA_HOME or /usr/lib/jvm"
    if not jar.exists():
        return f"Lucene skipped: {jar} is absent (`make bench` fetches it: python benchmarks/lucene.py fetch DIR)"
    return None


def run(data: Path, jar: Path = DEFAULT_JAR, timeout: float = 1800) -> dict:
    """Compile (once per run, into ``data``'s parent) and run LuceneBench on one data folder."""
    home, version = java_home()
    classes = data.parent / "lucene-classes"
    if not (classes / "LuceneBench.class").exists():
        classes.mkdir(exist_ok=True)
        subprocess.run([str(home / "bin" / "javac"), "-cp", str(jar), "-d", str(classes),
                        str(HERE / "LuceneBench.java")], check=True, capture_output=True, text=True)
    done = subprocess.run([str(home / "bin" / "java"), "-Xmx8g", "-cp", f"{jar}{os.pathsep}{classes}", "LuceneBench",
                           str(data)], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout)


if __name__ == "__main__":
    if len(sys.argv) in (3, 4) and sys.argv[1] == "fetch":
        print(fetch(Path(sys.argv[2]), Path(sys.argv[3]) if len(sys.argv) == 4 else None))
    else:
        sys.exit(__doc__)
