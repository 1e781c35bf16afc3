//! The zlib stream of a preview's pixels, made for pictures of flat colours.
//!
//! A general compressor (zlib at its fastest levels) looks for repeats anywhere in the last
//! 32 kB; on a preview that costs more than drawing it. The repeats of a preview are of
//! four kinds only: a row like the one above (margins, bars, the stripe down the side), a
//! run of one colour, and a row like the one above moved by a pixel (hatching, the slopes
//! of letters). This looks for those four, and codes what it finds with Huffman codes made
//! for the picture (a dynamic block of RFC 1951): a preview comes out smaller than zlib's
//! level 2 made it, in a fraction of the time.
//!
//! The PNG around the stream (its header, palette and chunks) is written by the `png`
//! crate; the checksum, by `simd-adler32`.

use self::huffman::{codes, lengths, runs, trimmed};

/// The zlib stream (RFC 1950) of `data`, rows of `stride` bytes each.
pub fn zlib(data: &[u8], stride: usize) -> Vec<u8> {
    let tokens = tokens(data, stride);
    let mut bits = Bits::with_capacity(data.len() / 40 + 64);
    // A window of 32 kB; the level it names (fastest) says nothing about how to inflate.
    bits.bytes(&[0x78, 0x01]);
    block(&mut bits, &tokens);
    bits.align();
    let mut adler = simd_adler32::Adler32::new();
    adler.write(data);
    bits.bytes(&adler.finish().to_be_bytes());
    bits.out
}

/// A literal byte or a copy, as the block codes it: a symbol of the alphabet of literals
/// and lengths with the length's extra bits, then, for a copy, the symbol of its distance
/// with the distance's extra bits. A literal's distance is `NO_DISTANCE`, whose code has no
/// bits: every token is written the same way, without a branch to miss.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    symbol: u16,
    extra: u16,
    extra_bits: u8,
    distance: u8,
    far_bits: u8,
    far: u16,
}

/// The distance symbol of a literal, past the 30 of RFC 1951.
const NO_DISTANCE: u8 = 30;

impl Token {
    fn literal(byte: u8) -> Token {
        Token {
            symbol: byte as u16,
            extra: 0,
            extra_bits: 0,
            distance: NO_DISTANCE,
            far_bits: 0,
            far: 0,
        }
    }

    fn copy(length: usize, distance: usize) -> Token {
        let (symbol, extra, extra_bits) = LENGTH_CODES[length];
        let d = distance - 1;
        let near = DISTANCE_SYMBOLS[if d < 256 { d } else { 256 + (d >> 7) }];
        let (start, far_bits) = DISTANCES[near as usize];
        Token {
            symbol,
            extra,
            extra_bits,
            distance: near,
            far_bits,
            far: distance as u16 - start,
        }
    }

    /// The length and distance of a copy, or `None` for a literal.
    #[cfg(test)]
    fn copied(&self) -> Option<(u16, u16)> {
        (self.symbol > END as u16).then(|| {
            let length = LENGTHS[self.symbol as usize - 257].0 + self.extra;
            (length, DISTANCES[self.distance as usize].0 + self.far)
        })
    }
}

/// The longest a copy may be, and the shortest worth coding.
const LONGEST: usize = 258;
const SHORTEST: usize = 3;

/// How many bytes `a` and `b` have in common at their start, up to the shorter's length.
#[inline]
fn common(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let word = |s: &[u8]| u64::from_le_bytes(s.try_into().unwrap_or_default());
    // 32 bytes at a time while they are the same, then 8, then one.
    let mut i = 0;
    for (x, y) in a.chunks_exact(32).zip(b.chunks_exact(32)) {
        let differ = (word(&x[..8]) ^ word(&y[..8]))
            | (word(&x[8..16]) ^ word(&y[8..16]))
            | (word(&x[16..24]) ^ word(&y[16..24]))
            | (word(&x[24..]) ^ word(&y[24..]));
        if differ != 0 {
            break;
        }
        i += 32;
    }
    for (x, y) in a[i..].chunks_exact(8).zip(b[i..].chunks_exact(8)) {
        let differ = word(x) ^ word(y);
        if differ != 0 {
            return i + (differ.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    // The last bytes, as the last 8: those before `i` among them are the same.
    if n >= 8 && i < n {
        let differ = word(&a[n - 8..]) ^ word(&b[n - 8..]);
        return match differ {
            0 => n,
            _ => n - 8 + (differ.trailing_zeros() / 8) as usize,
        };
    }
    i + a[i..]
        .iter()
        .zip(&b[i..])
        .take_while(|(x, y)| x == y)
        .count()
}

/// Of the 8 bytes of `differ` (two words XORed), the ones that start three zero bytes, as
/// their high bits: bytes 0 to 5 may be marked, 6 and 7 never are.
fn starts_of_three(differ: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // The high bit of each zero byte, exactly (no carry crosses a byte).
    let zero = !(((differ & LOW).wrapping_add(LOW)) | differ) & !LOW;
    zero & (zero >> 8) & (zero >> 16)
}

/// `data` as literals and copies: a row the same as the one above is copied whole, and
/// elsewhere each byte starts the longest copy from the row above, the byte before, or the
/// row above a byte to either side.
fn tokens(data: &[u8], stride: usize) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(data.len() / 64);
    // Of copies as long, the first is taken: a run costs the fewest bits.
    let distances = [1, stride, stride.wrapping_sub(1), stride + 1];
    let copy = |tokens: &mut Vec<Token>, mut length: usize, distance: usize| {
        while length > 0 {
            // A copy of 1 or 2 bytes cannot be coded: the one before gives them up.
            let part = if length > LONGEST && length - LONGEST < SHORTEST {
                LONGEST - SHORTEST
            } else {
                length.min(LONGEST)
            };
            tokens.push(Token::copy(part, distance));
            length -= part;
        }
    };
    let (mut i, mut row) = (0, if stride == 0 { usize::MAX } else { stride });
    while i < data.len() {
        while row < i {
            row += stride;
        }
        // A row's copy must reach back no further than deflate's window.
        if i == row && (SHORTEST..=32_768).contains(&stride) && i + stride <= data.len() {
            row += stride;
            if data[i - stride..i] == data[i..i + stride] {
                // A row of one colour, the colour the row above ends with, is a run: its
                // copies cost no extra bits, where those of a whole row cost 9 each.
                let run = common(&data[i..i + stride], &data[i - 1..i - 1 + stride]);
                let distance = if run == stride { 1 } else { stride };
                copy(&mut tokens, stride, distance);
                i += stride;
                continue;
            }
        }
        let end = (i + LONGEST).min(data.len());
        let mut best = (0, 0);
        // The distances worth following: all, unless the first bytes rule some out.
        let mut tried = [true; 4];
        // Most bytes past the first row start no copy at all, and trying each distance in
        // turn costs a missed branch apiece: eight bytes are compared at once with those
        // at each distance, without a branch, which tells which of the first six start a
        // copy; bytes before the first that does are literals.
        if i > stride + 1
            && (SHORTEST..32_768).contains(&stride)
            && i + 8 <= data.len()
            && i + 6 <= row
        {
            let word =
                |at: usize| u64::from_le_bytes(data[at..at + 8].try_into().unwrap_or_default());
            let here = word(i);
            let mut starts = 0;
            for (k, &distance) in distances.iter().enumerate() {
                let these = starts_of_three(here ^ word(i - distance));
                // Whether the first byte starts a copy at this distance.
                tried[k] = these & 0x80 != 0;
                starts |= these;
            }
            let literals = (starts.trailing_zeros() / 8).min(6) as usize;
            for &byte in &data[i..i + literals] {
                tokens.push(Token::literal(byte));
            }
            i += literals;
            if literals > 0 {
                continue;
            }
        }
        for (&distance, _) in distances.iter().zip(tried).filter(|(_, worth)| *worth) {
            if distance == 0 || distance > i || distance > 32_768 {
                continue;
            }
            let from = i - distance;
            // A copy matters only if it is longer than the best so far: the byte that
            // would make it so is looked at first, and most are not.
            if best.0 == end - i || data[from + best.0] != data[i + best.0] {
                continue;
            }
            let length = common(&data[i..end], &data[from..from + (end - i)]);
            if length > best.0 {
                best = (length, distance);
            }
        }
        if best.0 >= SHORTEST {
            copy(&mut tokens, best.0, best.1);
            i += best.0;
        } else {
            tokens.push(Token::literal(data[i]));
            i += 1;
        }
    }
    tokens
}

/// Where the codes of lengths 3 to 258 start, with their extra bits (RFC 1951, 3.2.5).
const LENGTHS: [(u16, u8); 29] = [
    (3, 0),
    (4, 0),
    (5, 0),
    (6, 0),
    (7, 0),
    (8, 0),
    (9, 0),
    (10, 0),
    (11, 1),
    (13, 1),
    (15, 1),
    (17, 1),
    (19, 2),
    (23, 2),
    (27, 2),
    (31, 2),
    (35, 3),
    (43, 3),
    (51, 3),
    (59, 3),
    (67, 4),
    (83, 4),
    (99, 4),
    (115, 4),
    (131, 5),
    (163, 5),
    (195, 5),
    (227, 5),
    (258, 0),
];

/// Where the codes of distances 1 to 32,768 start, with their extra bits.
const DISTANCES: [(u16, u8); 30] = [
    (1, 0),
    (2, 0),
    (3, 0),
    (4, 0),
    (5, 1),
    (7, 1),
    (9, 2),
    (13, 2),
    (17, 3),
    (25, 3),
    (33, 4),
    (49, 4),
    (65, 5),
    (97, 5),
    (129, 6),
    (193, 6),
    (257, 7),
    (385, 7),
    (513, 8),
    (769, 8),
    (1025, 9),
    (1537, 9),
    (2049, 10),
    (3073, 10),
    (4097, 11),
    (6145, 11),
    (8193, 12),
    (12289, 12),
    (16385, 13),
    (24577, 13),
];

/// The code of `value` in `table`: its index, and the extra bits with their count.
const fn code(table: &[(u16, u8)], value: u16) -> (u16, u16, u8) {
    let mut index = table.len() - 1;
    while table[index].0 > value {
        index -= 1;
    }
    (index as u16, value - table[index].0, table[index].1)
}

/// The code of every length of a copy, from 0 (unused) to 258: its symbol among literals
/// and lengths, its extra bits and their count.
const LENGTH_CODES: [(u16, u16, u8); LONGEST + 1] = {
    let mut codes = [(0, 0, 0); LONGEST + 1];
    let mut length = SHORTEST;
    while length <= LONGEST {
        let (index, extra, bits) = code(&LENGTHS, length as u16);
        codes[length] = (257 + index, extra, bits);
        length += 1;
    }
    codes
};

/// The symbol of every distance, as zlib finds it: of distances 1–256 at `distance - 1`,
/// of the others at `256 + (distance - 1) / 128`, since those codes start at multiples of
/// 128 (plus one).
const DISTANCE_SYMBOLS: [u8; 512] = {
    let mut symbols = [0; 512];
    let mut i = 0;
    while i < 512 {
        let distance = if i < 256 { i + 1 } else { (i - 256) * 128 + 1 };
        symbols[i] = code(&DISTANCES, distance as u16).0 as u8;
        i += 1;
    }
    symbols
};

/// The end of a block, in the alphabet of literals and lengths.
const END: usize = 256;

/// One final block of `tokens`, with Huffman codes of their own.
fn block(bits: &mut Bits, tokens: &[Token]) {
    let mut literals = [0u32; 286];
    let mut distances = [0u32; NO_DISTANCE as usize + 1];
    for token in tokens {
        literals[token.symbol as usize] += 1;
        distances[token.distance as usize] += 1;
    }
    literals[END] += 1;
    let literal_lengths = lengths(&literals, 15);
    let mut distance_lengths = lengths(&distances[..NO_DISTANCE as usize], 15);
    let literal_codes = codes(&literal_lengths);
    let mut distance_codes = codes(&distance_lengths);

    // The header: final, dynamic, then the two codes' lengths, themselves coded.
    bits.write(0b101, 3);
    let hlit = trimmed(&literal_lengths, 257);
    let hdist = trimmed(&distance_lengths, 1);
    let mut both = literal_lengths[..hlit].to_vec();
    both.extend_from_slice(&distance_lengths[..hdist]);
    let runs = runs(&both);
    let mut counts = [0u32; 19];
    for &(symbol, _) in &runs {
        counts[symbol as usize] += 1;
    }
    let run_lengths = lengths(&counts, 7);
    let run_codes = codes(&run_lengths);
    const ORDER: [usize; 19] = [
        16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
    ];
    let hclen = ORDER
        .iter()
        .rposition(|&s| run_lengths[s] != 0)
        .map_or(4, |last| (last + 1).max(4));
    bits.write((hlit - 257) as u32, 5);
    bits.write((hdist - 1) as u32, 5);
    bits.write((hclen - 4) as u32, 4);
    for &symbol in &ORDER[..hclen] {
        bits.write(run_lengths[symbol] as u32, 3);
    }
    for &(symbol, extra) in &runs {
        let s = symbol as usize;
        bits.write(run_codes[s], run_lengths[s]);
        match symbol {
            16 => bits.write(extra as u32, 2),
            17 => bits.write(extra as u32, 3),
            18 => bits.write(extra as u32, 7),
            _ => {}
        }
    }

    // A literal's distance is coded with no bits.
    distance_lengths.push(0);
    distance_codes.push(0);
    for token in tokens {
        let (s, d) = (token.symbol as usize, token.distance as usize);
        bits.put(literal_codes[s], literal_lengths[s]);
        bits.put(token.extra as u32, token.extra_bits);
        bits.put(distance_codes[d], distance_lengths[d]);
        bits.put(token.far as u32, token.far_bits);
        bits.flush();
    }
    bits.write(literal_codes[END], literal_lengths[END]);
}

/// Bits written from the lowest up, as deflate packs them.
struct Bits {
    out: Vec<u8>,
    pending: u64,
    count: u32,
}

impl Bits {
    fn with_capacity(bytes: usize) -> Bits {
        Bits {
            out: Vec::with_capacity(bytes),
            pending: 0,
            count: 0,
        }
    }

    /// The lowest `n` bits of `value` (at most 16), kept until `flush`: at most 56 bits
    /// may be pending.
    fn put(&mut self, value: u32, n: u8) {
        self.pending |= (value as u64) << self.count;
        self.count += n as u32;
    }

    /// `put` and `flush`.
    fn write(&mut self, value: u32, n: u8) {
        self.put(value, n);
        self.flush();
    }

    /// Writes out the whole bytes pending: all eight are written, and the length set
    /// back, which costs no branch.
    fn flush(&mut self) {
        let whole = (self.count / 8) as usize;
        self.out.extend_from_slice(&self.pending.to_le_bytes());
        self.out.truncate(self.out.len() - 8 + whole);
        // At most 7 + 48 bits are pending: `whole` is at most 6.
        self.pending >>= whole * 8;
        self.count -= whole as u32 * 8;
    }

    /// Pads to a whole byte and writes out what is pending.
    fn align(&mut self) {
        while self.count > 0 {
            self.out.push(self.pending as u8);
            self.pending >>= 8;
            self.count = self.count.saturating_sub(8);
        }
        self.pending = 0;
    }

    /// Whole bytes, after `align`.
    fn bytes(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }
}

mod huffman;
#[cfg(test)]
mod tests;
