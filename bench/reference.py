"""One trial of the bgloop model in NumPy, written the way modellers usually write it (dense
matrices, vectorised over units, a Python loop over time steps), to compare speed with the Rust
core and to check that both compute the same thing.

    python reference.py check  RUST_JSON   # noise-free trial and its learning: agreement with the Rust core (1e-9)
    python reference.py time   [TRIALS]     # seconds per trial (default config, with noise)

The model is docs/model.md; parameters are the defaults of the schema.
"""
import json
import sys
import time

import numpy as np

P = dict(N=64, dt=0.5, tau_c=10.0, tau_s=5.0, tau_n=5.0, tau_g=5.0, tau_t=5.0, tau_xi=50.0,
         d_sc=6.0, d_gs=9.5, d_tg=5.0, d_ct=5.0, d_nc=5.0, d_gn=5.0,
         g_sc=0.8, g_gs=12.14, g_tg=0.3, g_ct=0.969, g_nc=2.0, g_gn=4.9, gam=0.4,
         I_s=0.0, I_n=0.1, I_g=-0.09, I_t=0.25, J0=-2.0, J1=3.0, D_c=0.15, T_ref=0.19,
         lam=1.0, da=1.0, kappa=1.0, sig_s=0.1, sig_g=0.02, sig_c=0.0,
         A_cue=0.3, t_cue=100.0, A_hold=0.03, A_ns=0.0, t_go=250.0, T_max=600.0, k_hand=0.111,
         w_max=10.0, eta=1.0, kappa_v=8.0, sigma_R=10.0)


def trial(p, rng, P_plastic=None, target=0.0):
    N, dt = p['N'], p['dt']
    th = 2 * np.pi * np.arange(N) / N
    J = (p['J0'] + p['J1'] * np.cos(th[:, None] - th[None, :])) / N
    P_plastic = np.zeros((N, N)) if P_plastic is None else P_plastic
    W = p['da'] * np.clip(p['g_sc'] * np.eye(N) + P_plastic, 0.0, p['w_max'])
    D = {k: int(np.floor(p['d_' + k] / dt + 0.5)) for k in ('sc', 'gs', 'tg', 'ct', 'nc', 'gn')}
    H = max(D.values()) + 2
    n0 = max(p['I_n'], 0.0)
    g0 = max(p['I_g'] + p['g_gn'] * n0, 0.0)
    t0 = max(p['I_t'] - p['g_tg'] * g0, 0.0)
    buf = {k: np.full((H, N), v) for k, v in dict(c=0.0, s=0.0, n=n0, g=g0, t=t0).items()}
    E = {k: np.exp(-dt / p['tau_' + k]) for k in 'csngt'}
    ex = np.exp(-dt / p['tau_xi'])
    xi = p['sig_s'] * rng.standard_normal(N) if p['sig_s'] > 0 else np.zeros(N)
    v = 1 + np.cos(th - target)
    I_c = p['D_c'] - p['g_ct'] * p['T_ref']
    steps = lambda ms: int(np.floor(ms / dt + 0.5))
    ncue, ngo, nmax = steps(p['t_cue']), steps(p['t_go']), steps(p['T_max'])
    hand = 0j
    eth = np.exp(1j * th)
    csum, ssum = np.zeros(N), np.zeros(N)
    head, moving, amp, reach = 0, 0, 0.0, None
    for it in range(nmax):
        row = lambda d: (head - d) % H
        c = buf['c'][head]
        a = p['A_cue'] if it < ncue else p['A_hold']
        ic = (J @ c + p['g_ct'] * (p['T_ref'] + p['lam'] * (buf['t'][row(D['ct'])] - p['T_ref']))
              + I_c + a * v + p['A_ns'])
        if p['sig_c'] > 0:
            ic = ic + p['sig_c'] / np.sqrt(dt) * rng.standard_normal(N)
        if p['sig_s'] > 0:
            xi = xi * ex + p['sig_s'] * np.sqrt(1 - ex * ex) * rng.standard_normal(N)
        is_ = W @ buf['c'][row(D['sc'])] + p['I_s'] + xi
        in_ = p['g_nc'] * buf['c'][row(D['nc'])] + p['I_n']
        nd = buf['n'][row(D['gn'])]
        ig = -p['g_gs'] * buf['s'][row(D['gs'])] + p['g_gn'] * ((1 - p['gam']) * nd + p['gam'] * nd.mean()) + p['I_g']
        if p['sig_g'] > 0:
            ig = ig + p['sig_g'] / np.sqrt(dt) * rng.standard_normal(N)
        it_ = p['I_t'] - p['kappa'] * p['g_tg'] * buf['g'][row(D['tg'])]
        nxt = (head + 1) % H
        for k, inp in (('c', ic), ('s', is_), ('n', in_), ('g', ig), ('t', it_)):
            f = np.maximum(inp, 0.0)
            buf[k][nxt] = f + (buf[k][head] - f) * E[k]
        head = nxt
        if it >= ngo and reach is None:
            z = buf['c'][head] @ eth
            csum += buf['c'][head]
            ssum += buf['s'][head]
            moving += 1
            amp += abs(z) / N
            hand += p['k_hand'] * dt / N * z
            if abs(hand) >= 1.0:
                reach = (it + 1 - ngo) * dt
                break
    rings = [buf[k][head].tolist() for k in 'csngt']
    return dict(hand_deg=float(np.degrees(np.angle(hand))), reach_ms=reach,
                amplitude=amp / max(moving, 1), rings=rings,
                cortex_mean=csum / max(moving, 1), striatum_mean=ssum / max(moving, 1))


def learn_target_striatal(p, ours, target=0.0):
    """The balanced three-factor rule on the target → striatum weights after one trial from Q = 0
    (docs/model.md, step 7): dQ = (eta/N) delta (sn - mean sn) vs^T, kept with its sign (model v3:
    each synapse transmits [Q]+), with graded reward and the expectation starting at 0 (delta = R)."""
    N = p['N']
    th = 2 * np.pi * np.arange(N) / N
    e = (ours['hand_deg'] - np.degrees(target) + 180.0) % 360.0 - 180.0
    reward = np.exp(-e * e / (2 * p['sigma_R'] ** 2)) if ours['reach_ms'] is not None else 0.0
    vs = np.exp(p['kappa_v'] * (np.cos(th - target) - 1.0))
    sn = ours['striatum_mean'] / (ours['striatum_mean'].max() + 1e-9)
    se = sn - sn.mean()
    q = p['eta'] * reward / N * np.outer(se, vs)
    return reward, q


def check(rust_json):
    rust = json.load(open(rust_json))
    p = dict(P, sig_s=0.0, sig_g=0.0, sig_c=0.0)
    ours = trial(p, np.random.default_rng(0))
    diffs = [abs(ours['hand_deg'] - rust['hand_deg']), abs(ours['amplitude'] - rust['amplitude']),
             abs((ours['reach_ms'] or 0) - (rust['reach_ms'] or 0))]
    for a, b in zip(ours['rings'], rust['rings']):
        diffs.append(float(np.max(np.abs(np.array(a) - np.array(b)))))
    reward, q = learn_target_striatal(p, ours)
    diffs.append(abs(reward - rust['reward']))
    diffs.append(float(np.max(np.abs(q.ravel() - np.array(rust['q'])))))
    worst = max(diffs)
    print(f"numpy vs rust, noise-free trial: reach {ours['reach_ms']} vs {rust['reach_ms']} ms, "
          f"max |difference| {worst:.3e} (hand angle, amplitude, all five rings, reward, learned Q)")
    if not worst <= 1e-9:
        print("MISMATCH: the NumPy reference and the Rust core disagree beyond 1e-9")
        sys.exit(1)
    print("agreement to 1e-9: OK")


def time_trials(n):
    rng = np.random.default_rng(1)
    trial(P, rng)
    t = time.perf_counter()
    for _ in range(n):
        trial(P, rng)
    dt = (time.perf_counter() - t) / n
    print(json.dumps(dict(numpy_s_per_trial=dt, numpy_trials_per_s=1 / dt, trials=n, numpy=np.__version__)))


if __name__ == '__main__':
    if sys.argv[1:2] == ['check']:
        check(sys.argv[2])
    else:
        time_trials(int(sys.argv[2]) if len(sys.argv) > 2 else 20)
