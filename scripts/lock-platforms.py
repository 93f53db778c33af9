#!/usr/bin/env python3
"""Adds lock entries for optional per-platform packages the reachable npm registry lacks.

The registry this project installs from misses some platform builds of a version (e.g.
@astrojs/compiler-binding-darwin-arm64@0.5.1). npm then leaves them out of
package-lock.json, and `npm ci` refuses a lock that does not list every optional
dependency. An entry with os/cpu makes npm skip the package on other platforms, as a lock
made against the full registry would. Run after `npm install`: python3 scripts/lock-platforms.py
"""
import json, re, sys

path = 'package-lock.json'
lock = json.load(open(path))
pkgs = lock['packages']
added = []
for key, meta in list(pkgs.items()):
    for name, version in (meta.get('optionalDependencies') or {}).items():
        target = f'node_modules/{name}'
        if target in pkgs:
            continue
        m = re.search(r'-(android|darwin|linux|win32|freebsd|wasm32)-?(arm64|x64|ia32|wasi)?', name)
        if not m:
            sys.exit(f'Kan ikke se platformen for {name}')
        os_, cpu = m.group(1), m.group(2)
        entry = {'version': version, 'optional': True}
        if os_ == 'wasm32':
            entry['cpu'] = ['wasm32']
        else:
            entry['os'] = [os_]
            if cpu:
                entry['cpu'] = [cpu]
        pkgs[target] = entry
        added.append(f'{name}@{version}')
json.dump(lock, open(path, 'w'), indent=2, ensure_ascii=False)
open(path, 'a').write('\n')
print('\n'.join(added) or 'Intet at tilføje')
