#!/usr/bin/env python3
"""Writes judge-recordings.jsonl: made-up verdicts of a strict LLM judge on every recorded answer.

No model is called. Each answer is compared with its trial's gold conditions: full credit for a
condition named as in the gold list, half credit for a shortened name ("diabetes" for "type 2
diabetes"), nothing for a drug or a missing condition; the 1-5 score is 1 + 4 x that share, two
points less for an answer that is not the JSON asked for. Usage is a rough four characters a token
of the review prompt and the verdict. Run from anywhere: python3 make_judge_recordings.py
"""
import json
import os
import re
base=os.path.dirname(os.path.abspath(__file__))+'/'
trials={}
for l in open(base+'trials.jsonl'):
    t=json.loads(l); trials[t['id']]=t
recs=[json.loads(l) for l in open(base+'recordings.jsonl')]
out=[]
for r in recs:
    gold=[g.lower() for g in trials[r['trial']]['expected']]
    text=r['output']
    as_json=True
    try:
        pred=[p.lower().strip() for p in json.loads(text)['conditions']]
    except Exception:
        as_json=False
        pred=[p.lower().strip() for p in re.split(r',| and ', text) if p.strip()]
    exact=[g for g in gold if g in pred]
    partial=[]; extra=[]
    for p in pred:
        if p in gold: continue
        near=[g for g in gold if g not in exact and (p in g or g in p or (p, g) == ('depression', 'major depressive disorder'))]
        if near: partial.append((p, near[0]))
        else: extra.append(p)
    missing=[g for g in gold if g not in exact and g not in [n for _,n in partial]]
    n=max(len(gold), len(pred), 1)
    q=(len(exact)+0.5*len(partial))/n
    score=1+round(4*q)
    reasons=[]
    if not missing and not extra and not partial:
        reasons.append("Lists exactly the conditions studied")
    else:
        if partial: reasons.append("names " + ", ".join(f"'{g}' only as '{p}'" for p,g in partial))
        if missing: reasons.append("misses " + ", ".join(f"'{m}'" for m in missing))
        if extra: reasons.append("lists " + ", ".join(f"'{e}'" for e in extra) + " which the trial does not study")
    reason="; ".join(reasons)
    reason=reason[0].upper()+reason[1:]+"."
    if not as_json:
        score=max(1, score-2)
        reason+=" The answer is plain text, not the JSON that was asked for."
    verdict=json.dumps({"score": score, "reason": reason})
    desc=trials[r['trial']]['vars']['description']
    review_chars=900+len(desc)+len(text)+ (120 if r['prompt']=='extract-v2' else 0)
    out.append({"model": "judge", "grades": r['model'], "trial": r['trial'], "prompt": r['prompt'], "output": verdict,
        "usage": {"input_tokens": review_chars//4, "output_tokens": (len(verdict)+3)//4}, "model_version": "recorded-judge-2026-11"})
with open(base+'judge-recordings.jsonl','w') as f:
    for o in out: f.write(json.dumps(o)+"\n")
