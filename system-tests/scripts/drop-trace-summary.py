#!/usr/bin/env python3
"""Where the time of the map's drops goes, from the trace MapPerformanceBenchmark writes with -Dcairn.trace=<file>.

The benchmark marks each drop (`cairn-drop`, the drop key) and the moment it is painted (`cairn-painted`). For
the time between the two marks this prints, summed over all drops: the renderer main thread's own time by
trace event (script, style, layout, paint...) and the JavaScript functions the sampling profiler saw most.
Usage: system-tests/scripts/drop-trace-summary.py <trace.json> [top]
"""
import json
import sys
from collections import Counter

trace = json.load(open(sys.argv[1]))
events = trace['traceEvents'] if isinstance(trace, dict) else trace
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25

main = {(e['pid'], e['tid']) for e in events if e.get('ph') == 'M' and e.get('name') == 'thread_name'
        and e['args'].get('name') == 'CrRendererMain'}
marks = sorted((e['ts'], e['name']) for e in events if e.get('name') in ('cairn-drop', 'cairn-painted')
               and e.get('ph') in ('R', 'I', 'i', 'n', 'b', 'e'))
windows, start = [], None
for ts, name in marks:
    if name == 'cairn-drop':
        start = ts
    elif start is not None:
        windows.append((start, ts))
        start = None
if not windows:
    sys.exit('no cairn-drop / cairn-painted marks in the trace')
inside = lambda ts: any(a <= ts <= b for a, b in windows)
total = sum(b - a for a, b in windows) / 1000
print(f'{len(windows)} drops, {total:.0f} ms from drop key to painted ({total / len(windows):.1f} ms each)')

# own time of each trace event on the main thread (its duration less that of the events inside it)
own_time = Counter()
for key in main:
    spans = sorted(((e['ts'], e['dur'], e['name']) for e in events if (e['pid'], e['tid']) == key and e.get('ph') == 'X'
                    and 'dur' in e), key=lambda s: (s[0], -s[1]))
    results, stack = [], []
    for ts, dur, name in spans:
        while stack and stack[-1]['end'] <= ts:
            results.append(stack.pop())
        node = {'ts': ts, 'end': ts + dur, 'name': name, 'children': []}
        if stack:
            stack[-1]['children'].append((ts, ts + dur))
        stack.append(node)
    results.extend(stack)
    for node in results:
        for a, b in windows:
            lo, hi = max(node['ts'], a), min(node['end'], b)
            if hi <= lo:
                continue
            t = hi - lo
            for c0, c1 in node['children']:
                t -= max(0, min(c1, hi) - max(c0, lo))
            own_time[node['name']] += t
print('\nmain thread, own time (ms, all drops):')
for name, t in own_time.most_common(top):
    print(f'  {t / 1000:9.1f}  {name}')

# JavaScript samples: nodes and samples arrive in ProfileChunk events
nodes, parents, samples, inclusive = {}, {}, Counter(), Counter()
for e in sorted((e for e in events if e.get('name') == 'ProfileChunk'), key=lambda e: e['ts']):
    data = e['args']['data']
    profile = data.get('cpuProfile', {})
    for n in profile.get('nodes', []):
        f = n['callFrame']
        if 'parent' in n:
            parents[(e['id'], n['id'])] = (e['id'], n['parent'])
        nodes[(e['id'], n['id'])] = f"{f.get('functionName') or '(anonymous)'} {f.get('url', '').rsplit('/', 1)[-1]}:{f.get('lineNumber', 0) + 1}"
for profile_id in {e['id'] for e in events if e.get('name') == 'Profile'}:
    start = next(e['args']['data']['startTime'] for e in events if e.get('name') == 'Profile' and e['id'] == profile_id)
    t = start
    for e in sorted((e for e in events if e.get('name') == 'ProfileChunk' and e['id'] == profile_id), key=lambda e: e['ts']):
        profile = e['args']['data'].get('cpuProfile', {})
        for sample, delta in zip(profile.get('samples', []), e['args']['data'].get('timeDeltas', [])):
            t += delta
            if inside(t):
                samples[nodes.get((profile_id, sample), '?')] += 1
                seen, node = set(), (profile_id, sample)
                while node in nodes:
                    seen.add(nodes[node])
                    node = parents.get(node)
                for name in seen:
                    inclusive[name] += 1
count = sum(samples.values())
print(f'\nJavaScript samples inside the drops ({count}), own:')
for name, n in samples.most_common(top):
    print(f'  {100 * n / max(count, 1):5.1f}%  {name}')
print('\nJavaScript samples inside the drops, with what they call:')
for name, n in inclusive.most_common(top * 2):
    print(f'  {100 * n / max(count, 1):5.1f}%  {name}')
