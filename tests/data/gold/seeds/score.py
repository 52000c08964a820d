#!/usr/bin/env python3
"""Score a newsdiff alignment (schema newsdiff-alignment/1) against the seeds gold.

Usage:
    python score.py GOLD.json PREDICTED.json --seeds DIR [--json]
    python score.py GOLD.json --seeds DIR --selftest [--json]
    python score.py GOLD.json --seeds DIR --baseline [--jaccard 0.3] [--json]

Standard library only (Python 3.11+). DIR is the folder holding the seed files.

How a prediction is read
  * Predicted documents are matched to gold documents by the base name of
    their "path" (or "file").
  * Each predicted sentence is located in the seed text by start/end; when
    those are missing or do not reproduce its "text", the text is searched for
    instead. It is then mapped to every gold sentence of the same file that it
    overlaps by >= 50% of the gold sentence's characters or >= 50% of its own
    characters, so a differently segmented system is not punished for
    segmentation alone. If a predicted sentence maps to some non-boilerplate
    gold sentence, the boilerplate gold sentences it also overlaps are dropped
    (a dateline glued to the first sentence is harmless); a predicted sentence
    that maps only to boilerplate keeps that mapping, so linking pure
    boilerplate counts as a false positive.
  * Predicted pairs: for every predicted unit, every cross-document pair of the
    gold sentences its members map to. If "units" is absent or empty, the
    cross product of each link's "a" and "b" (mapped) is used instead.
  * Gold pairs: every unordered pair of non-boilerplate gold sentences in
    different documents that share a unit.

Reported: precision / recall / F1 over pairs (overall and per document pair),
and "unmatched-content detection": P/R/F1 for finding the non-boilerplate gold
sentences that have no cross-document partner (a gold sentence is predicted
unmatched when it takes part in no predicted pair). Relations and scores of
links are not scored.

--selftest  checks the scorer: the gold turned into a prediction (as units, as
            links only, with boilerplate glued to its neighbour, and with
            offsets removed so sentences are found by text) must score 1.0;
            a prediction with one unit removed must not. Exit 1 on failure.
--baseline  prints the floor: (a) nothing linked; (b) every cross-document pair
            of gold sentences whose lower-cased word sets have Jaccard >= 0.3.
"""

import argparse
import collections
import copy
import itertools
import json
import os
import re
import sys

WORD = re.compile(r"\w+")


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Gold:
    def __init__(self, path, seeds):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        self.path = path
        self.files = []
        self.raw = {}
        self.doc_of = {}
        self.span = {}
        self.text = {}
        self.by_file = {}
        self.bp = set()
        for d in data["documents"]:
            fn = d["file"]
            with open(os.path.join(seeds, fn), encoding="utf-8") as f:
                raw = f.read()
            self.files.append(fn)
            self.raw[fn] = raw
            self.by_file[fn] = []
            for s in d["sentences"]:
                sid = s["id"]
                if raw[s["start"] : s["end"]] != s["text"]:
                    raise ValueError(
                        f"gold sentence {sid} does not match {fn}[{s['start']}:{s['end']}]"
                        " (run check.py)"
                    )
                self.doc_of[sid] = fn
                self.span[sid] = (s["start"], s["end"])
                self.text[sid] = s["text"]
                self.by_file[fn].append(sid)
            self.bp.update(d.get("boilerplate", []))
        self.units = data["units"]
        self.content = [s for fn in self.files for s in self.by_file[fn] if s not in self.bp]
        self.pairs = set()
        for u in self.units:
            mem = sorted({m for m in u["members"] if m in self.doc_of and m not in self.bp})
            for a, b in itertools.combinations(mem, 2):
                if self.doc_of[a] != self.doc_of[b]:
                    self.pairs.add(self.key(a, b))
        self.short = {fn: fn.split("_")[0] for fn in self.files}

    def key(self, a, b):
        return (
            (a, b)
            if (self.files.index(self.doc_of[a]), a) <= (self.files.index(self.doc_of[b]), b)
            else (b, a)
        )

    def doc_pair(self, pair):
        a, b = pair
        x, y = self.doc_of[a], self.doc_of[b]
        return (x, y) if self.files.index(x) <= self.files.index(y) else (y, x)


def map_prediction(gold, pred, warnings):
    """Return {predicted sentence id: set(gold sentence ids)} and some counts."""
    pmap = {}
    matched_files = set()
    stats = collections.Counter()
    for d in pred.get("documents") or []:
        base = os.path.basename(str(d.get("path") or d.get("file") or ""))
        if base not in gold.raw:
            warnings.append(
                f"predicted document {d.get('id')!r} ({base or 'no path'}) matches no gold document; ignored"
            )
            continue
        if base in matched_files:
            warnings.append(f"second predicted document for {base}; ignored")
            continue
        matched_files.add(base)
        raw = gold.raw[base]
        if isinstance(d.get("text"), str) and d["text"] != raw:
            warnings.append(
                f"{base}: predicted document text differs from the seed file; sentences are located by their text where possible"
            )
        cursor = 0
        for s in d.get("sentences") or []:
            sid = s.get("id")
            stats["sentences"] += 1
            st, en, tx = s.get("start"), s.get("end"), s.get("text")
            ok = isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(raw)
            if ok and isinstance(tx, str) and raw[st:en] != tx:
                ok = False
            if not ok and isinstance(tx, str) and tx.strip():
                i = raw.find(tx, cursor)
                if i < 0:
                    i = raw.find(tx)
                if i >= 0:
                    st, en, ok = i, i + len(tx), True
                    stats["located_by_text"] += 1
            if not ok and isinstance(st, int) and isinstance(en, int) and 0 <= st < en <= len(raw):
                ok = True
                warnings.append(
                    f"{base}: sentence {sid!r} text does not match its offsets; offsets used"
                )
            if not ok:
                warnings.append(f"{base}: sentence {sid!r} could not be located; ignored")
                continue
            cursor = en
            if sid in pmap:
                warnings.append(f"duplicate predicted sentence id {sid!r}; later one wins")
            hits = []
            for g in gold.by_file[base]:
                gs, ge = gold.span[g]
                ov = min(en, ge) - max(st, gs)
                if ov > 0 and (2 * ov >= ge - gs or 2 * ov >= en - st):
                    hits.append(g)
            content = [g for g in hits if g not in gold.bp]
            pmap[sid] = set(content or hits)
            stats["mapped" if pmap[sid] else "unmapped"] += 1
    for fn in gold.files:
        if fn not in matched_files:
            warnings.append(f"gold document {fn} has no predicted document")
    stats["documents_matched"] = len(matched_files)
    return pmap, stats


def predicted_pairs(gold, pred, pmap, warnings):
    pairs = set()
    units = pred.get("units") or []
    unknown = set()

    def look(ids):
        out = set()
        for m in ids or []:
            if m in pmap:
                out |= pmap[m]
            else:
                unknown.add(m)
        return out

    if units:
        source = "units"
        for u in units:
            gs = sorted(look(u.get("members")))
            for a, b in itertools.combinations(gs, 2):
                if gold.doc_of[a] != gold.doc_of[b]:
                    pairs.add(gold.key(a, b))
    else:
        source = "links"
        for l in pred.get("links") or []:
            A, B = look(l.get("a")), look(l.get("b"))
            for a in A:
                for b in B:
                    if gold.doc_of[a] != gold.doc_of[b]:
                        pairs.add(gold.key(a, b))
    if unknown:
        warnings.append(
            f"{len(unknown)} member id(s) not among the located predicted sentences, e.g. {sorted(unknown)[:3]}"
        )
    return pairs, source


def score(gold, pred):
    warnings = []
    pmap, stats = map_prediction(gold, pred, warnings)
    ppairs, source = predicted_pairs(gold, pred, pmap, warnings)
    tp = ppairs & gold.pairs
    p, r, f = prf(len(tp), len(ppairs), len(gold.pairs))
    res = {
        "pairs": {
            "precision": p,
            "recall": r,
            "f1": f,
            "tp": len(tp),
            "fp": len(ppairs - gold.pairs),
            "fn": len(gold.pairs - ppairs),
            "predicted": len(ppairs),
            "gold": len(gold.pairs),
            "source": source,
        },
        "per_document_pair": {},
    }
    for x, y in itertools.combinations(gold.files, 2):
        g = {q for q in gold.pairs if gold.doc_pair(q) == (x, y)}
        pr = {q for q in ppairs if gold.doc_pair(q) == (x, y)}
        t = len(g & pr)
        pp, rr, ff = prf(t, len(pr), len(g))
        res["per_document_pair"][f"{x}|{y}"] = {
            "a": x,
            "b": y,
            "precision": pp,
            "recall": rr,
            "f1": ff if (g or pr) else None,
            "tp": t,
            "fp": len(pr - g),
            "fn": len(g - pr),
            "gold": len(g),
            "predicted": len(pr),
        }
    # unmatched-content detection
    gold_partnered = {s for q in gold.pairs for s in q}
    pred_partnered = {s for q in ppairs for s in q}
    g_un = {s for s in gold.content if s not in gold_partnered}
    p_un = {s for s in gold.content if s not in pred_partnered}
    up, ur, uf = prf(len(g_un & p_un), len(p_un), len(g_un))
    res["unmatched"] = {
        "precision": up,
        "recall": ur,
        "f1": uf,
        "tp": len(g_un & p_un),
        "predicted": len(p_un),
        "gold": len(g_un),
        "per_document": {},
    }
    for fn in gold.files:
        gu = {s for s in g_un if gold.doc_of[s] == fn}
        pu = {s for s in p_un if gold.doc_of[s] == fn}
        a, b, c = prf(len(gu & pu), len(pu), len(gu))
        res["unmatched"]["per_document"][fn] = {
            "precision": a,
            "recall": b,
            "f1": c if (gu or pu) else None,
            "gold": len(gu),
            "predicted": len(pu),
        }
    res["prediction"] = dict(stats)
    res["warnings"] = warnings
    return res


def fmt(v):
    return "  n/a" if v is None else f"{v:.3f}"


def report(gold, res, title):
    out = [title]
    pr = res["pairs"]
    st = res["prediction"]
    out.append(
        f"  documents matched {st.get('documents_matched', 0)}/{len(gold.files)}; predicted sentences "
        f"{st.get('sentences', 0)} (mapped {st.get('mapped', 0)}, unmapped {st.get('unmapped', 0)}); "
        f"pairs taken from {pr['source']}"
    )
    out.append(
        f"  pairs: P={pr['precision']:.3f} R={pr['recall']:.3f} F1={pr['f1']:.3f} "
        f"(tp={pr['tp']} fp={pr['fp']} fn={pr['fn']}; gold {pr['gold']}, predicted {pr['predicted']})"
    )
    names = [gold.short[f] for f in gold.files]
    out.append("  pair F1 by document pair:")
    out.append("         " + "".join(f"{n:>8}" for n in names))
    cell = {}
    for v in res["per_document_pair"].values():
        cell[(v["a"], v["b"])] = cell[(v["b"], v["a"])] = v["f1"]
    for x in gold.files:
        row = "".join(f"{'-':>8}" if x == y else f"{fmt(cell[(x, y)]):>8}" for y in gold.files)
        out.append(f"  {gold.short[x]:>7}" + row)
    out.append(
        "  "
        + "; ".join(
            f"{gold.short[v['a']]}-{gold.short[v['b']]} P={v['precision']:.2f} "
            f"R={v['recall']:.2f} ({v['tp']}/{v['gold']})"
            for v in res["per_document_pair"].values()
        )
    )
    u = res["unmatched"]
    out.append(
        f"  unmatched-content detection: P={u['precision']:.3f} R={u['recall']:.3f} F1={u['f1']:.3f} "
        f"(gold unmatched {u['gold']}, predicted unmatched {u['predicted']}, tp {u['tp']})"
    )
    for w in res["warnings"]:
        out.append(f"  warning: {w}")
    return "\n".join(out)


# ---------------------------------------------------------------- predictions built from the gold
def gold_as_prediction(gold, mode="units"):
    docs = []
    for i, fn in enumerate(gold.files):
        sents = [
            {"id": s, "start": gold.span[s][0], "end": gold.span[s][1], "text": gold.text[s]}
            for s in gold.by_file[fn]
        ]
        docs.append({"id": f"d{i}", "path": "seeds/" + fn, "sentences": sents, "paragraphs": []})
    pred = {"schema": "newsdiff-alignment/1", "documents": docs, "units": [], "links": []}
    if mode == "units":
        pred["units"] = [{"id": u["id"], "members": list(u["members"])} for u in gold.units]
    elif mode == "links":
        for u in gold.units:
            by = collections.defaultdict(list)
            for m in u["members"]:
                by[gold.doc_of[m]].append(m)
            for x, y in itertools.combinations(sorted(by, key=gold.files.index), 2):
                pred["links"].append(
                    {
                        "a": by[x],
                        "b": by[y],
                        "relation": u.get("relation") or "partial",
                        "score": 1.0,
                    }
                )
    return pred


def glue_boilerplate(gold, pred):
    """Merge every boilerplate sentence into its next (else previous) sentence."""
    pred = copy.deepcopy(pred)
    for d in pred["documents"]:
        fn = os.path.basename(d["path"])
        raw = gold.raw[fn]
        ss = d["sentences"]
        i = 0
        while i < len(ss):
            if ss[i]["id"] in gold.bp and len(ss) > 1:
                j = i + 1 if i + 1 < len(ss) else i - 1
                a, b = min(i, j), max(i, j)
                keep = ss[j]
                keep["start"], keep["end"] = ss[a]["start"], ss[b]["end"]
                keep["text"] = raw[keep["start"] : keep["end"]]
                del ss[i]
                continue
            i += 1
    return pred


def strip_offsets(pred):
    pred = copy.deepcopy(pred)
    for d in pred["documents"]:
        for s in d["sentences"]:
            s.pop("start"), s.pop("end")
    return pred


def selftest(gold):
    results = []
    base = gold_as_prediction(gold, "units")
    cases = [
        ("gold as units", base, True),
        ("gold as links only", gold_as_prediction(gold, "links"), True),
        ("boilerplate glued to neighbours", glue_boilerplate(gold, base), True),
        ("offsets removed (located by text)", strip_offsets(base), True),
    ]
    broken = copy.deepcopy(base)
    multi = [u for u in broken["units"] if len({gold.doc_of[m] for m in u["members"]}) > 1]
    broken["units"].remove(multi[0])
    cases.append(("one multi-document unit removed (must score < 1)", broken, False))
    ok_all = True
    for name, pred, want_perfect in cases:
        res = score(gold, pred)
        perfect = (
            res["pairs"]["f1"] == 1.0
            and res["unmatched"]["f1"] == 1.0
            and all(v["f1"] in (1.0, None) for v in res["per_document_pair"].values())
        )
        ok = (
            perfect
            if want_perfect
            else (res["pairs"]["recall"] < 1.0 and res["pairs"]["precision"] == 1.0)
        )
        ok_all &= ok
        results.append(
            {
                "case": name,
                "ok": ok,
                "pair_f1": res["pairs"]["f1"],
                "unmatched_f1": res["unmatched"]["f1"],
                "warnings": res["warnings"],
            }
        )
    return ok_all, results


def jaccard_baseline(gold, threshold):
    pred = gold_as_prediction(gold, "none")
    toks = {s: set(WORD.findall(gold.text[s].lower())) for s in gold.doc_of}
    ids = [s for fn in gold.files for s in gold.by_file[fn]]
    for a, b in itertools.combinations(ids, 2):
        if gold.doc_of[a] == gold.doc_of[b]:
            continue
        A, B = toks[a], toks[b]
        if A and B and len(A & B) / len(A | B) >= threshold:
            pred["links"].append(
                {
                    "a": [a],
                    "b": [b],
                    "relation": "partial",
                    "score": round(len(A & B) / len(A | B), 3),
                }
            )
    return pred


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Score a newsdiff-alignment/1 prediction against the seeds gold."
    )
    ap.add_argument("gold", help="gold JSON (seeds-alignment.json)")
    ap.add_argument("predicted", nargs="?", help="predicted alignment JSON (newsdiff-alignment/1)")
    ap.add_argument("--seeds", required=True, help="folder with the seed .txt files")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument(
        "--selftest",
        action="store_true",
        help="check the scorer on predictions built from the gold",
    )
    ap.add_argument("--baseline", action="store_true", help="score the two reference baselines")
    ap.add_argument(
        "--jaccard", type=float, default=0.3, help="threshold of the word-overlap baseline (0.3)"
    )
    args = ap.parse_args(argv)
    if not (args.predicted or args.selftest or args.baseline):
        ap.error("give PREDICTED.json, --selftest or --baseline")

    try:
        gold = Gold(args.gold, args.seeds)
    except (OSError, ValueError, KeyError) as e:
        print(f"cannot load gold: {e}", file=sys.stderr)
        return 2

    out_json = {}
    text = []
    rc = 0
    if args.selftest:
        ok, results = selftest(gold)
        out_json["selftest"] = {"ok": ok, "cases": results}
        text.append("selftest: " + ("PASS" if ok else "FAIL"))
        for r in results:
            text.append(
                f"  [{'ok' if r['ok'] else 'FAIL'}] {r['case']}: pair F1={r['pair_f1']:.3f} "
                f"unmatched F1={r['unmatched_f1']:.3f}"
            )
            for w in r["warnings"]:
                text.append(f"      warning: {w}")
        rc = rc or (0 if ok else 1)
    if args.baseline:
        out_json["baselines"] = {}
        for name, pred in (
            ("nothing linked", gold_as_prediction(gold, "none")),
            (f"word-overlap Jaccard >= {args.jaccard:g}", jaccard_baseline(gold, args.jaccard)),
        ):
            res = score(gold, pred)
            out_json["baselines"][name] = res
            text.append(report(gold, res, f"baseline: {name}"))
    if args.predicted:
        try:
            with open(args.predicted, encoding="utf-8") as f:
                pred = json.load(f)
        except (OSError, ValueError) as e:
            print(f"cannot read prediction: {e}", file=sys.stderr)
            return 2
        if pred.get("schema") not in (None, "newsdiff-alignment/1"):
            print(f"warning: prediction schema is {pred.get('schema')!r}", file=sys.stderr)
        res = score(gold, pred)
        out_json["result"] = res
        text.append(
            report(
                gold, res, f"{os.path.basename(args.predicted)} vs {os.path.basename(args.gold)}"
            )
        )
    if args.json:
        print(json.dumps(out_json, indent=1, ensure_ascii=False))
    else:
        print("\n".join(text))
    return rc


if __name__ == "__main__":
    sys.exit(main())
