//! Huffman codes for a deflate block: their lengths from the symbols' counts, the
//! canonical codes of those lengths, and the lengths as the block's header sends them.

/// How many of `lengths` must be sent: up to the last used, and at least `least`.
pub(super) fn trimmed(lengths: &[u8], least: usize) -> usize {
    lengths
        .iter()
        .rposition(|&l| l != 0)
        .map_or(least, |last| (last + 1).max(least))
}

/// The code lengths as the alphabet of RFC 1951 3.2.7 sends them: a length (0–15), or 16
/// (repeat the last 3–6 times), 17 (3–10 zeros) or 18 (11–138 zeros), with its extra bits.
pub(super) fn runs(lengths: &[u8]) -> Vec<(u8, u8)> {
    let mut runs = Vec::with_capacity(lengths.len());
    let mut i = 0;
    while i < lengths.len() {
        let l = lengths[i];
        let same = lengths[i..].iter().take_while(|&&x| x == l).count();
        if l == 0 && same >= 11 {
            let n = same.min(138);
            runs.push((18, (n - 11) as u8));
            i += n;
        } else if l == 0 && same >= 3 {
            runs.push((17, (same - 3) as u8));
            i += same;
        } else if l != 0 && same >= 4 {
            // The length once, then repeats of it.
            runs.push((l, 0));
            let n = (same - 1).min(6);
            runs.push((16, (n - 3) as u8));
            i += 1 + n;
        } else {
            runs.push((l, 0));
            i += 1;
        }
    }
    runs
}

/// The lengths of a Huffman code for symbols seen `counts` times, none longer than
/// `limit`. Every code is complete (it has at least two symbols, even where fewer were
/// seen), which every inflater accepts.
pub(super) fn lengths(counts: &[u32], limit: u8) -> Vec<u8> {
    let mut used: Vec<(u32, usize)> = counts
        .iter()
        .enumerate()
        .filter(|&(_, &c)| c > 0)
        .map(|(s, &c)| (c, s))
        .collect();
    // A code of one symbol, or none, is given a second one.
    let unused: Vec<usize> = (0..counts.len()).filter(|&s| counts[s] == 0).collect();
    for &s in unused.iter().take(2usize.saturating_sub(used.len())) {
        used.push((1, s));
    }
    used.sort_unstable();
    let n = used.len();
    let mut lengths = vec![0u8; counts.len()];
    if n == 0 {
        return lengths;
    }
    // Huffman's tree, built from two queues: the leaves in order of count, and the nodes
    // made, which come out in order of count too. `parent` links every leaf and node.
    let mut weight: Vec<u64> = used.iter().map(|&(c, _)| c as u64).collect();
    let mut parent = vec![0usize; 2 * n];
    let (mut leaf, mut node) = (0, n);
    let smallest = |weight: &Vec<u64>, leaf: &mut usize, node: &mut usize| {
        if *leaf < n && (*node >= weight.len() || weight[*leaf] <= weight[*node]) {
            *leaf += 1;
            *leaf - 1
        } else {
            *node += 1;
            *node - 1
        }
    };
    for _ in 0..n - 1 {
        let a = smallest(&weight, &mut leaf, &mut node);
        let b = smallest(&weight, &mut leaf, &mut node);
        let made = weight.len();
        weight.push(weight[a] + weight[b]);
        parent[a] = made;
        parent[b] = made;
    }
    // Each one's depth, from the root (the last node made) down.
    let root = weight.len() - 1;
    let mut depth = vec![0u32; weight.len()];
    for i in (0..root).rev() {
        depth[i] = depth[parent[i]] + 1;
    }
    // How many leaves have each length, the ones too long moved up to the limit; then the
    // code made whole again by lengthening codes shorter than the limit, one at a time.
    let limit = limit as usize;
    let mut per_length = vec![0u32; limit + 1];
    for &d in &depth[..n] {
        per_length[(d as usize).min(limit)] += 1;
    }
    let kraft = |per_length: &[u32]| -> u64 {
        (1..=limit)
            .map(|l| (per_length[l] as u64) << (limit - l))
            .sum()
    };
    while kraft(&per_length) > 1 << limit {
        per_length[limit] -= 1;
        if let Some(l) = (1..limit).rev().find(|&l| per_length[l] > 0) {
            per_length[l] -= 1;
            per_length[l + 1] += 2;
        }
    }
    // The shortest codes to the most frequent symbols.
    let mut next = used.iter().rev();
    for (l, &count) in per_length.iter().enumerate().skip(1) {
        for _ in 0..count {
            if let Some(&(_, symbol)) = next.next() {
                lengths[symbol] = l as u8;
            }
        }
    }
    lengths
}

/// The canonical codes of `lengths` (RFC 1951, 3.2.2), bits reversed as they are sent.
pub(super) fn codes(lengths: &[u8]) -> Vec<u32> {
    let mut per_length = [0u32; 16];
    for &l in lengths {
        per_length[l as usize] += 1;
    }
    per_length[0] = 0;
    let mut next = [0u32; 16];
    let mut code = 0;
    for l in 1..16 {
        code = (code + per_length[l - 1]) << 1;
        next[l] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            if l == 0 {
                return 0;
            }
            let c = next[l as usize];
            next[l as usize] += 1;
            c.reverse_bits() >> (32 - l as u32)
        })
        .collect()
}
