"""Samples a crawl process's memory and CPU, and the server's progress, every half second."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Sample:
    seconds: float  # since the sampler started
    rss_kb: int
    hwm_kb: int  # the kernel's own peak RSS so far (VmHWM): no peak falls between samples
    served: int  # requests the server answered since the sampler started
    cpu: float  # the process's user+system CPU seconds so far


@dataclass
class Sampler:
    pid: int
    served: Callable[[], int]
    interval: float = 0.5
    samples: list[Sample] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._base = self.served()
        self._started = time.monotonic()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> Sampler:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            sample = self.sample()
            if sample is None:
                return  # the process has exited
            self.samples.append(sample)
            self._stop.wait(self.interval)

    def sample(self) -> Sample | None:
        memory = status_kb(self.pid, ("VmRSS", "VmHWM"))
        cpu = cpu_seconds(self.pid)
        if "VmRSS" not in memory or cpu is None:
            return None
        return Sample(time.monotonic() - self._started, memory["VmRSS"],
                      memory.get("VmHWM", 0), self.served() - self._base, cpu)


def status_kb(pid: int, names: tuple[str, ...]) -> dict[str, int]:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            lines = f.read().splitlines()
    except OSError:
        return {}
    found = {}
    for line in lines:
        name, _, value = line.partition(":")
        if name in names:
            found[name] = int(value.split()[0])
    return found


def cpu_seconds(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime
