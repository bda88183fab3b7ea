"""The targets, and the results written as JSON, Markdown and PNG charts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCENARIO_TITLES = {
    "S1": "feed (first 20)",
    "S2": "filtered feed (pillars + organisation types)",
    "S3": "deep page (~50,000 threads in)",
    "S4": "busy thread page (50 replies)",
    "S5": "search (two common words)",
    "S6": "reply (16 signed-in members)",
    "S7": "live: replyAdded to 1,000 subscribers",
    "S1M": "feed as a signed-in member (never cached)",
    "S7M": "live: replyAdded to 1,000 distinct signed-in members (web client's document)",
    "S8": "notification fan-out: writes with 1,000 thread / 2,000 pillar followers",
    "S9": "notifications(first: 20) with thread and actor (signed in)",
}


def _target(
    name: str, description: str, value: Any, limit: Any, met: bool | None, unit: str = ""
) -> dict[str, Any]:
    return {
        "target": name,
        "description": description,
        "value": value,
        "limit": limit,
        "unit": unit,
        "met": met,
    }


def evaluate_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    s = results.get("scenarios", {})
    rate = f"{results.get('load', {}).get('rate', 100):g} req/s"
    ratios = results.get("ratios", {})
    out: list[dict[str, Any]] = []

    def get(scenario: str, key: str) -> Any:
        return s.get(scenario, {}).get(key)

    def below(value: Any, limit: float) -> bool | None:
        return None if value is None else value < limit

    for name in ("S1", "S4"):
        ratio = ratios.get(name)
        out.append(
            _target(
                f"{name} throughput",
                f"{name} throughput at least 60% of the baseline's",
                ratio,
                0.6,
                None if ratio is None else ratio >= 0.6,
                "x baseline",
            )
        )
        out.append(
            _target(
                f"{name} p99",
                f"{name} p99 latency under 100 ms at {rate}",
                get(name, "p99_ms"),
                100,
                below(get(name, "p99_ms"), 100),
                "ms",
            )
        )
    out.append(
        _target(
            "S2 p99",
            f"S2 p99 latency under 100 ms at {rate}",
            get("S2", "p99_ms"),
            100,
            below(get("S2", "p99_ms"), 100),
            "ms",
        )
    )
    s1, s3 = get("S1", "p50_ms"), get("S3", "p50_ms")
    ratio = None if not s1 or s3 is None else round(s3 / s1, 3)
    s3_target = _target(
        "S3 p50",
        f"S3 p50 within 1.3x of S1's p50 at {rate}",
        ratio,
        1.3,
        None if ratio is None else ratio <= 1.3,
        "x S1 p50",
    )
    light1 = (s.get("S1", {}).get("light_load") or {}).get("p50_ms")
    light3 = (s.get("S3", {}).get("light_load") or {}).get("p50_ms")
    if light1 and light3 is not None:
        # At the fixed rate an overloaded server's p50 measures its queue; at a light load
        # it is what the deep page itself costs.
        s3_target["value_at_light_load"] = round(light3 / light1, 3)
    out.append(s3_target)
    out.append(
        _target(
            "S5 p95",
            f"S5 p95 latency under 150 ms at {rate}",
            get("S5", "p95_ms"),
            150,
            below(get("S5", "p95_ms"), 150),
            "ms",
        )
    )
    s6 = s.get("S6", {})
    verify = s6.get("verification", {})
    clean = None
    if s6:
        clean = (
            s6.get("response_errors") == 0
            and verify.get("lost") == 0
            and verify.get("duplicated") == 0
            and verify.get("counters_consistent") is True
        )
    out.append(
        _target(
            "S6 integrity",
            "S6: no failed replies (beyond load shed at the fixed "
            "rate), none lost or duplicated, counters consistent",
            {
                "errors": s6.get("response_errors"),
                "lost": verify.get("lost"),
                "duplicated": verify.get("duplicated"),
                "counters_consistent": verify.get("counters_consistent"),
            },
            0,
            clean,
        )
    )
    out.append(
        _target(
            "S6 p99",
            f"S6 p99 latency under 150 ms at {rate}",
            get("S6", "p99_ms"),
            150,
            below(get("S6", "p99_ms"), 150),
            "ms",
        )
    )
    s7 = s.get("S7", {})
    p99 = s7.get("delivery_p99_ms")
    out.append(
        _target(
            "S7 delivery p99",
            "S7: p99 from reply response to delivery under 500 ms, every subscriber served",
            p99,
            500,
            None if p99 is None else (p99 < 500 and s7.get("errors") == 0),
            "ms",
        )
    )
    s8 = s.get("S8", {})
    for name, key, what in (
        ("S8 reply p99", "reply_p99_delta_ms", "a reply in a thread with 1,000 followers"),
        (
            "S8 new thread p99",
            "thread_p99_delta_ms",
            "a new thread matching 2,000 pillar followers",
        ),
    ):
        delta = (s8.get("writer") or {}).get(key)
        out.append(
            _target(
                name,
                f"{what}: p99 within 20 ms of the same write without followers",
                delta,
                20,
                None if delta is None else delta <= 20,
                "ms more",
            )
        )
    deliveries = s8.get("deliveries") or {}
    p99 = deliveries.get("delivery_p99_ms")
    out.append(
        _target(
            "S8 notificationAdded p99",
            "S8: every follower's notificationAdded within 500 ms p99 of the reply's response",
            p99,
            500,
            None if p99 is None else (p99 < 500 and deliveries.get("errors") == 0),
            "ms",
        )
    )
    s9_sql = s.get("S9", {}).get("sql_statements_by_page_size")
    out.append(
        _target(
            "S9 SQL",
            "notifications(first: 20) with thread and actor: at most 3 statements, the same at "
            "5 and at 20 (the session lookup aside)",
            s9_sql,
            3,
            None if not s9_sql else (len(set(s9_sql.values())) == 1 and max(s9_sql.values()) <= 3),
        )
    )
    for name, key, limit, what in (
        ("S10 throughput", "ratio_to_s1", 1.0, "the widget's persisted GET"),
        ("S10 304 throughput", "not_modified_ratio_to_s1", 2.0, "the widget's GET answered 304"),
    ):
        ratio = get("S10", key)
        out.append(
            _target(
                name,
                f"{what}: at least {limit:g}x the requests a second of S1's cached POST, "
                "side by side",
                ratio,
                limit,
                None if ratio is None else ratio >= limit,
                "x S1",
            )
        )
    sql = results.get("sql", {})
    flat = sql.get("independent_of_page_size")
    out.append(
        _target(
            "SQL per operation",
            "SQL statements per operation do not grow with the page size",
            sql.get("by_page_size"),
            "equal",
            flat,
        )
    )
    rss = results.get("server_rss_mb")
    out.append(
        _target(
            "server RSS",
            "forum server RSS under 300 MB after the run",
            rss,
            300,
            below(rss, 300),
            "MB",
        )
    )
    return out


def evaluate_cache_off_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Issue 13's targets, judged with the response cache off (the `uncached` pass); each
    carries the cached pass's figure beside it (`cached`) where there is one.

    S1M and S7M are never served from the cache (a member's answer is not shared), so
    they appear once, from whichever pass measured them.
    """
    cold = results.get("uncached") or {}
    cold_s, warm_s = cold.get("scenarios", {}), results.get("scenarios", {})
    cold_r, warm_r = cold.get("ratios", {}), results.get("ratios", {})
    rate = f"{results.get('load', {}).get('rate', 100):g} req/s"
    out: list[dict[str, Any]] = []

    def add(
        name: str,
        description: str,
        value: Any,
        cached: Any,
        limit: float,
        at_least: bool,
        unit: str,
    ) -> None:
        met = None if value is None else (value >= limit if at_least else value < limit)
        entry = _target(name, description, value, limit, met, unit)
        entry["cached"] = cached
        out.append(entry)

    add(
        "S1 ratio",
        "S1 feed, throughput / bare baseline",
        cold_r.get("S1"),
        warm_r.get("S1"),
        0.7,
        True,
        "x",
    )
    add(
        "S4 ratio",
        "S4 thread page (50 replies), throughput / bare baseline",
        cold_r.get("S4"),
        warm_r.get("S4"),
        0.6,
        True,
        "x",
    )

    def worst_p99(scenarios: dict[str, Any]) -> float | None:
        values = [scenarios.get(n, {}).get("p99_ms") for n in ("S1", "S2", "S3", "S4", "S5")]
        known = [v for v in values if v is not None]
        return max(known) if known else None

    add(
        "S1-S5 p99",
        f"S1-S5 worst p99 at {rate}",
        worst_p99(cold_s),
        worst_p99(warm_s),
        50,
        False,
        "ms",
    )
    member = (cold_s.get("S1M") or warm_s.get("S1M") or {}).get("rps")
    visitor = cold_s.get("S1", {}).get("rps")
    member_ratio = round(member / visitor, 3) if member and visitor else None
    add(
        "S1M ratio",
        "S1 as a signed-in member / as a visitor (both uncached)",
        member_ratio,
        None,
        0.9,
        True,
        "x",
    )
    s7m = warm_s.get("S7M") or cold_s.get("S7M") or {}
    p99 = s7m.get("delivery_p99_ms")
    entry_met = None if p99 is None else (p99 < 200 and s7m.get("errors") == 0)
    add(
        "S7M delivery p99",
        "S7 with 1,000 distinct signed-in subscribers, delivery p99 (every one served)",
        p99,
        warm_s.get("S7", {}).get("delivery_p99_ms"),
        200,
        False,
        "ms",
    )
    out[-1]["met"] = entry_met

    def cpu(scenarios: dict[str, Any]) -> Any:
        return (scenarios.get("S1", {}).get("throughput") or {}).get("server_cpu_ms_per_request")

    add("S1 CPU", "CPU per S1 request (forum process)", cpu(cold_s), cpu(warm_s), 1.5, False, "ms")
    out[-1]["met"] = None if cpu(cold_s) is None else cpu(cold_s) <= 1.5
    return out


# --- charts -----------------------------------------------------------------------


def _latency_chart(
    plt: Any,
    scenarios: dict[str, Any],
    baseline: dict[str, Any],
    names: list[str],
    title: str,
    path: Path,
) -> str:
    """p50 / p95 / p99 per scenario on a log scale, the targets, light-load and baseline p99."""
    fig, ax = plt.subplots(figsize=(9.5, 4.4))
    x = list(range(len(names)))
    width = 0.26
    colors = {"p50_ms": "#9cc3e6", "p95_ms": "#4a90d9", "p99_ms": "#1b4f8a"}
    for k, key in enumerate(("p50_ms", "p95_ms", "p99_ms")):
        values = [scenarios[n].get(key) or 0 for n in names]
        ax.bar([i + (k - 1) * width for i in x], values, width, label=key[:-3], color=colors[key])
    limits = {
        "S1": ("p99", 100),
        "S2": ("p99", 100),
        "S4": ("p99", 100),
        "S5": ("p95", 150),
        "S6": ("p99", 150),
    }
    for i, n in enumerate(names):
        if n in limits:
            which, limit = limits[n]
            offset = width if which == "p99" else 0
            ax.plot(
                [i + offset - width / 2, i + offset + width / 2],
                [limit, limit],
                color="#d62728",
                linewidth=2,
            )
    ax.plot([], [], color="#d62728", linewidth=2, label="target")
    light: list[tuple[int, float]] = [
        (i, float(v))
        for i, n in enumerate(names)
        if (v := (scenarios[n].get("light_load") or {}).get("p99_ms"))
    ]
    if light:
        rate = next(
            scenarios[n]["light_load"]["rate"] for n in names if scenarios[n].get("light_load")
        )
        ax.scatter(
            [i + width for i, _ in light],
            [v for _, v in light],
            marker="D",
            s=28,
            color="black",
            zorder=3,
            label=f"p99 at {rate:g}/s (light load)",
        )
    base_p99: list[tuple[int, float]] = [
        (i, float(v)) for i, n in enumerate(names) if (v := baseline.get(n, {}).get("p99_ms"))
    ]
    if base_p99:
        ax.scatter(
            [i + width for i, _ in base_p99],
            [v for _, v in base_p99],
            marker="v",
            s=36,
            color="#888888",
            zorder=3,
            label="baseline p99",
        )
    ax.set_yscale("log")
    ax.set_xticks(x, [f"{n}\n{SCENARIO_TITLES[n].split(' (')[0]}" for n in names], fontsize=8)
    ax.set_ylabel("latency, ms (log scale)")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, ncol=3)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return str(path.name)


def draw_charts(results: dict[str, Any], out_dir: Path, stem: str) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scenarios = results["scenarios"]
    uncached = results.get("uncached") or {}
    names = [n for n in ("S1", "S2", "S3", "S4", "S5", "S6") if n in scenarios]
    files: list[str] = []

    # Throughput: the forum as served, the forum with its response cache off, the baseline.
    fig, ax = plt.subplots(figsize=(9.5, 4.4))
    x = list(range(len(names)))
    series = [("MOIN Forum, as served", "#2f6db3", [scenarios[n].get("rps") for n in names])]
    if uncached:
        series.append(
            (
                "MOIN Forum, response cache off",
                "#8fb3e0",
                [uncached["scenarios"].get(n, {}).get("rps") for n in names],
            )
        )
    series.append(
        (
            "baseline (Starlette + asyncpg)",
            "#b0b0b0",
            [results.get("baseline", {}).get(n, {}).get("rps") for n in names],
        )
    )
    width = 0.8 / len(series)
    for k, (label, color, values) in enumerate(series):
        offset = (k - (len(series) - 1) / 2) * width
        ax.bar([i + offset for i in x], [v or 0 for v in values], width, label=label, color=color)
        for i, v in enumerate(values):
            if v:
                ax.text(i + offset, v, f"{v:.0f}", ha="center", va="bottom", fontsize=7)
    ax.set_yscale("log")
    ax.set_xticks(x, [f"{n}\n{SCENARIO_TITLES[n].split(' (')[0]}" for n in names], fontsize=8)
    ax.set_ylabel("requests per second, closed loop (log scale)")
    ratios = results.get("ratios", {})
    ratio_text = ", ".join(f"{k} {v:.0%}" for k, v in ratios.items() if v is not None)
    if uncached:
        ratio_text += " as served; cache off: " + ", ".join(
            f"{k} {v:.0%}" for k, v in uncached.get("ratios", {}).items() if v is not None
        )
    ax.set_title(
        f"Throughput, {results['load']['connections']} connections "
        f"(S6: {results['load']['s6_members']} members), one worker\n"
        f"share of the baseline: {ratio_text}",
        fontsize=10,
    )
    ax.legend(fontsize=8)
    ax.margins(y=0.2)
    fig.tight_layout()
    path = out_dir / f"{stem}-throughput.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    files.append(path.name)

    rate = results["load"]["rate"]
    files.append(
        _latency_chart(
            plt,
            scenarios,
            results.get("baseline", {}),
            names,
            f"Latency, open loop at {rate:g} requests per second, as served",
            out_dir / f"{stem}-latency.png",
        )
    )
    if uncached:
        cold = [n for n in names if n in uncached.get("scenarios", {})]
        files.append(
            _latency_chart(
                plt,
                uncached["scenarios"],
                uncached.get("baseline", {}),
                cold,
                f"Latency, open loop at {rate:g} requests per second, response cache off",
                out_dir / f"{stem}-latency-uncached.png",
            )
        )

    # S7: the spread of delivery times, with the baseline's S1/S4 latencies for scale.
    s7 = scenarios.get("S7")
    if s7 and s7.get("delivery_p50_ms") is not None:
        fig, ax = plt.subplots(figsize=(9, 2.6))
        keys = ["delivery_p50_ms", "delivery_p95_ms", "delivery_p99_ms", "delivery_max_ms"]
        values = [s7.get(k) or 0 for k in keys]
        ax.barh([k.split("_")[1] for k in keys], values, color="#2f6db3")
        ax.axvline(500, color="#d62728", linewidth=2, label="target p99 (500 ms)")
        for i, v in enumerate(values):
            ax.text(v, i, f" {v:.0f} ms", va="center", fontsize=8)
        ax.set_xlabel("ms from the reply's response to delivery")
        ax.set_title(
            f"S7: one reply delivered to {s7.get('subscribed')} subscribers "
            f"({s7.get('replies')} replies)"
        )
        ax.legend(fontsize=8, loc="lower right")
        ax.margins(x=0.2)
        fig.tight_layout()
        path = out_dir / f"{stem}-live.png"
        fig.savefig(path, dpi=110)
        plt.close(fig)
        files.append(path.name)
    return files


# --- Markdown ---------------------------------------------------------------------


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _cpu(entry: dict[str, Any]) -> str:
    return _fmt((entry.get("throughput") or {}).get("server_cpu_ms_per_request"))


def _light(entry: dict[str, Any]) -> str:
    light = entry.get("light_load")
    if not light:
        return "-"
    return f"{_fmt(light.get('p50_ms'))} / {_fmt(light.get('p99_ms'))}"


def write_markdown(results: dict[str, Any], path: Path, charts: list[str]) -> None:
    scale = results["scale"]
    load = results["load"]
    lines = [
        f"# MOIN Forum benchmark, {results['date']}",
        "",
        f"{_fmt(scale.get('posts'))} posts in {_fmt(scale.get('threads'))} threads, "
        f"{_fmt(scale.get('members'))} members, {_fmt(scale.get('organisations'))} "
        f"organisations (scale {scale.get('scale')}). One uvicorn worker for the forum and for "
        f"the baseline; PostgreSQL {results['environment'].get('postgres')} on the same "
        f"{results['environment'].get('cpus')}-core machine. Throughput: closed loop, "
        f"{load['connections']} connections, {load['duration_s']} s per measurement "
        f"({load['throughput_generator']}). Latency: open loop at {load['rate']} requests per "
        f"second, measured from each request's scheduled time. S1 and S4 alternate with the "
        f"baseline, {load['rounds']} round(s) each.",
        "",
        "## Targets with the response cache off",
        "",
        "Issue 13's targets, judged against a forum started with "
        "`MOIN_RESPONSE_CACHE_SECONDS=0` (what every signed-in member, partner key and "
        "request after a write costs); the cached pass's figure beside each where it has one "
        "(for S7M: S7's, whose subscribers are visitors).",
        "",
    ]
    lines += _cache_off_rows(results.get("targets_cache_off", []))
    lines += [
        "",
        "## Targets of the harness (as served, response cache on)",
        "",
    ]
    lines += _target_rows(results["targets"])
    light_rate = next(
        (s["light_load"]["rate"] for s in results["scenarios"].values() if s.get("light_load")),
        None,
    )
    lines += [
        "",
        "## Scenarios",
        "",
        f"Latency columns: open loop at {load['rate']:g} requests per second (the targets' "
        "rate); where that is beyond the server's capacity, requests queue (or are shed "
        "past two seconds in flight, as errors) and the figures measure the queue. "
        + (
            f"The last column is p50 / p99 at a light {light_rate:g} requests per second, "
            "what one request costs without queueing. "
            if light_rate
            else ""
        )
        + "CPU: the server process's CPU time per request in the throughput run; for S8's "
        "writers, the CPU of the forum, its worker and PostgreSQL per write, its fan-out "
        "included.",
        "",
        "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | SQL statements "
        "| CPU ms/req | light load p50 / p99 ms |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    lines += _scenario_rows(results["scenarios"], results.get("baseline", {}))
    lines += [
        "",
        "Ratios of the forum's throughput to the baseline's: "
        + ", ".join(f"{k} {v:.0%}" for k, v in results.get("ratios", {}).items() if v is not None)
        + ".",
        "",
    ]
    s6 = results["scenarios"].get("S6", {}).get("verification")
    if s6:
        lines += [
            "S6 check after the writes: "
            + ", ".join(f"{k} {v}" for k, v in s6.items() if not isinstance(v, list))
            + ".",
            "",
        ]
    lines += [
        f"Forum server memory after the run: {_fmt(results.get('server_rss_mb'))} MB RSS "
        f"(peak {_fmt(results.get('server_peak_rss_mb'))} MB).",
        "",
    ]
    uncached = results.get("uncached")
    if uncached:
        lines += [
            "## With the response cache off",
            "",
            "The forum shares an anonymous answer for "
            f"{results['environment'].get('forum_response_cache_seconds')} s by default, "
            "so the reads above are mostly served from its cache. The same reads again, "
            "against a forum started with `MOIN_RESPONSE_CACHE_SECONDS=0`: what a request "
            "costs when it misses (signed-in members, partner keys, right after a write).",
            "",
            "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | SQL statements "
            "| CPU ms/req | light load p50 / p99 ms |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        lines += _scenario_rows(uncached["scenarios"], uncached.get("baseline", {}))
        lines += [
            "",
            "Ratios to the baseline, cache off: "
            + ", ".join(
                f"{k} {v:.0%}" for k, v in uncached.get("ratios", {}).items() if v is not None
            )
            + ".",
            "",
            "The read targets, cache off:",
            "",
        ]
        lines += _target_rows(results.get("targets_uncached", []))
        lines += [""]
    for chart in charts:
        lines += [f"![{chart}]({chart})", ""]
    lines += ["Full figures: the JSON file beside this one. How to run: `bench/README.md`.", ""]
    path.write_text("\n".join(lines))


def evaluate_uncached_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The read targets (S1-S5) against the pass with the response cache off."""
    uncached = results.get("uncached")
    if not uncached:
        return []
    targets = evaluate_targets(
        {
            "scenarios": uncached["scenarios"],
            "ratios": uncached.get("ratios", {}),
            "load": results.get("load", {}),
        }
    )
    return [t for t in targets if t["target"].split()[0] in ("S1", "S2", "S3", "S4", "S5")]


def _scenario_rows(scenarios: dict[str, Any], baseline: dict[str, Any]) -> list[str]:
    rows = []
    for name, s in scenarios.items():
        title = SCENARIO_TITLES.get(name, name)
        if name in ("S7", "S7M"):
            rows.append(
                f"| {name} {title} | - | {_fmt(s.get('delivery_p50_ms'))} | "
                f"{_fmt(s.get('delivery_p95_ms'))} | {_fmt(s.get('delivery_p99_ms'))} | "
                f"{_fmt(s.get('errors'))} | {_fmt(s.get('sql_statements'))} per "
                "subscriber per event | - | from the reply's request: "
                f"{_fmt(s.get('delivery_from_send_p50_ms'))} / "
                f"{_fmt(s.get('delivery_from_send_p99_ms'))} |"
            )
            across = s.get("across_processes")
            if across:
                rows.append(
                    f"| {name} across two processes (Redis) | - | "
                    f"{_fmt(across.get('delivery_p50_ms'))} | "
                    f"{_fmt(across.get('delivery_p95_ms'))} | "
                    f"{_fmt(across.get('delivery_p99_ms'))} | "
                    f"{_fmt(across.get('errors'))} | - | - | - |"
                )
            continue
        if name == "S8":
            rows.extend(_s8_rows(s))
            continue
        rows.append(
            f"| {name} {title} | {_fmt(s.get('rps'))} | {_fmt(s.get('p50_ms'))} | "
            f"{_fmt(s.get('p95_ms'))} | {_fmt(s.get('p99_ms'))} | "
            f"{_fmt(s.get('errors'))} | "
            f"{_fmt(s.get('sql_statements'))} | {_cpu(s)} | {_light(s)} |"
        )
    for name, b in baseline.items():
        rows.append(
            f"| {name} baseline | {_fmt(b.get('rps'))} | {_fmt(b.get('p50_ms'))} | "
            f"{_fmt(b.get('p95_ms'))} | {_fmt(b.get('p99_ms'))} | "
            f"{_fmt(b.get('errors'))} | "
            f"{_fmt(b.get('sql_statements'))} | {_cpu(b)} | {_light(b)} |"
        )
    return rows


def _s8_rows(s: dict[str, Any], how: str = "") -> list[str]:
    """S8's writer arms (one write at a time, CPU per write with its fan-out) and its
    deliveries, as rows of the table; then S8 with a separate worker process, if run."""
    if "failed" in s:
        return [f"| S8{how} failed: {s['failed']} | - | - | - | - | - | - | - | - |"]
    rows = []
    for arm, entry in (s.get("writer") or {}).get("arms", {}).items():
        rows.append(
            f"| S8{how} writer: {arm.replace('_', ' ')} ({entry.get('writes')} writes) | - | "
            f"{_fmt(entry.get('p50_ms'))} | - | {_fmt(entry.get('p99_ms'))} | - | - | "
            f"{_fmt(entry.get('cpu_ms_per_write'))} | - |"
        )
    d = s.get("deliveries") or {}
    rows.append(
        f"| S8{how} notificationAdded to {d.get('subscribed')} followers | - | "
        f"{_fmt(d.get('delivery_p50_ms'))} | {_fmt(d.get('delivery_p95_ms'))} | "
        f"{_fmt(d.get('delivery_p99_ms'))} | {_fmt(d.get('errors'))} | - | - | "
        f"from the reply's request: {_fmt(d.get('delivery_from_send_p50_ms'))} / "
        f"{_fmt(d.get('delivery_from_send_p99_ms'))} |"
    )
    separate = s.get("separate_worker")
    if separate:
        rows.extend(_s8_rows(separate, " (separate worker process)"))
    return rows


def _cache_off_rows(targets: list[dict[str, Any]]) -> list[str]:
    rows = [
        "| target | cache off | cached | limit | met (cache off) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for t in targets:
        met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
        rows.append(
            f"| {t['description']} | {_fmt(t['value'], 2)} {t['unit']} | "
            f"{_fmt(t.get('cached'), 2)} | {t['limit']} | {met} |"
        )
    return rows


def _target_rows(targets: list[dict[str, Any]]) -> list[str]:
    rows = ["| target | value | limit | met |", "| --- | --- | --- | --- |"]
    for t in targets:
        value = t["value"]
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        met = {True: "yes", False: "**no**", None: "not measured"}[t["met"]]
        unit = "" if isinstance(t["value"], dict) else t["unit"]
        light = t.get("value_at_light_load")
        extra = f" (at light load: {_fmt(light, 2)})" if light is not None else ""
        rows.append(
            f"| {t['description']} | {_fmt(value, 2)} {unit}{extra} | {t['limit']} | {met} |"
        )
    return rows


def write_json(results: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")
