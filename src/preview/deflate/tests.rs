use super::huffman::{lengths, runs};
use super::*;

/// A picture of flat colours, as previews are: `width` × `height` indices, with rows the
/// same as the one above, runs, stripes moved a pixel a row, and noise, from `seed`.
fn picture(width: usize, height: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut rows: Vec<Vec<u8>> = Vec::with_capacity(height);
    for y in 0..height {
        let row = match next() % 5 {
            0 if y > 0 => rows[y - 1].clone(),
            1 => {
                let mut row = vec![(next() % 4) as u8; width];
                let from = next() % (width + 1);
                let to = from + next() % (width + 1 - from);
                row[from..to].fill((next() % 24) as u8);
                row
            }
            2 => (0..width).map(|x| ((x + y) / 3 % 2) as u8 * 7).collect(),
            3 => (0..width).map(|_| (next() % 256) as u8).collect(),
            _ => (0..width)
                .map(|x| if (x * 7 + y) % 11 < 3 { 5 } else { 1 })
                .collect(),
        };
        rows.push(row);
    }
    rows.concat()
}

/// Writes `pixels` as a PNG of 256 greys through `zlib`, and reads it back with the `png`
/// crate: the pixels must come back the same.
fn round_trip(width: usize, height: usize, pixels: &[u8]) -> usize {
    let stride = width + 1;
    let mut rows = Vec::with_capacity(stride * height);
    for row in pixels.chunks_exact(width.max(1)).take(height) {
        rows.push(0);
        rows.extend_from_slice(row);
    }
    let stream = zlib(&rows, stride);
    let mut png = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut png, width as u32, height as u32);
        encoder.set_color(png::ColorType::Indexed);
        encoder.set_palette((0..=255u8).flat_map(|v| [v, v, v]).collect::<Vec<_>>());
        let mut writer = encoder.write_header().unwrap();
        writer.write_chunk(png::chunk::IDAT, &stream).unwrap();
        writer.finish().unwrap();
    }
    let mut reader = png::Decoder::new(std::io::Cursor::new(&png))
        .read_info()
        .unwrap();
    let mut back = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut back).unwrap();
    assert_eq!(back, pixels, "{width} × {height}");
    stream.len()
}

#[test]
fn pictures_come_back_the_same_pixel_for_pixel() {
    for (width, height) in [(1, 1), (1, 9), (2, 3), (3, 40), (17, 17), (300, 200)] {
        for seed in 0..20 {
            round_trip(width, height, &picture(width, height, seed));
        }
    }
    // Rows longer than a copy, and a picture as large as a preview.
    round_trip(1200, 630, &picture(1200, 630, 7));
    round_trip(5000, 4, &picture(5000, 4, 3));
    // Rows wider than deflate's window of 32 kB are copied from no further back.
    let row = picture(40_000, 1, 5);
    round_trip(40_000, 3, &row.repeat(3));
}

#[test]
fn flat_pictures_take_few_bytes_and_noise_is_coded_whole() {
    // The background is the canvas's first colour, index 0, like the byte before each row.
    let blank = vec![0u8; 1200 * 630];
    let size = round_trip(1200, 630, &blank);
    assert!(size < 1_500, "a blank preview takes {size} bytes");
    let grey = vec![3u8; 1200 * 630];
    let size = round_trip(1200, 630, &grey);
    assert!(size < 6_000, "a grey preview takes {size} bytes");
    let noise = picture(1200, 8, 11);
    round_trip(1200, 8, &noise);
}

#[test]
fn codes_are_complete_and_within_their_limit() {
    // Counts growing like Fibonacci's make a tree deeper than 15 before it is cut.
    let mut counts = [0u32; 30];
    let (mut a, mut b) = (1u32, 1u32);
    for count in counts.iter_mut() {
        *count = a;
        (a, b) = (b, a.saturating_add(b));
    }
    for (counts, limit) in [
        (&counts[..], 15),
        (&counts[..19], 7),
        (&[0, 0, 9, 0][..], 15),
        (&[0, 0, 0, 0][..], 15),
    ] {
        let lengths = lengths(counts, limit);
        assert!(lengths.iter().all(|&l| l <= limit), "{lengths:?}");
        let kraft: f64 = lengths
            .iter()
            .filter(|&&l| l > 0)
            .map(|&l| 0.5f64.powi(l as i32))
            .sum();
        assert_eq!(kraft, 1.0, "{lengths:?}");
        // A symbol seen more often never has a longer code.
        for (i, &ci) in counts.iter().enumerate() {
            for (j, &cj) in counts.iter().enumerate() {
                if ci > cj && cj > 0 {
                    assert!(lengths[i] <= lengths[j], "{lengths:?}");
                }
            }
        }
    }
}

#[test]
fn code_lengths_are_sent_in_runs() {
    let lengths = [0u8; 150]
        .into_iter()
        .chain([5; 9])
        .chain([0; 4])
        .chain([2, 2, 3])
        .collect::<Vec<_>>();
    let runs = runs(&lengths);
    // 150 zeros: 138, then 12; nine fives: one, six more, two more; four zeros; the rest.
    assert_eq!(
        runs,
        [
            (18, 127),
            (18, 1),
            (5, 0),
            (16, 3),
            (5, 0),
            (5, 0),
            (17, 1),
            (2, 0),
            (2, 0),
            (3, 0)
        ]
    );
    let mut sent = Vec::new();
    for (symbol, extra) in runs {
        match symbol {
            16 => sent.extend(std::iter::repeat_n(
                *sent.last().unwrap(),
                3 + extra as usize,
            )),
            17 => sent.extend(std::iter::repeat_n(0, 3 + extra as usize)),
            18 => sent.extend(std::iter::repeat_n(0, 11 + extra as usize)),
            l => sent.push(l),
        }
    }
    assert_eq!(sent, lengths);
}

#[test]
fn every_distance_has_the_code_of_its_range() {
    for distance in 1..=32_768usize {
        let token = Token::copy(3, distance);
        assert_eq!(token.copied(), Some((3, distance as u16)), "{distance}");
        assert!(
            token.far < 1 << token.far_bits || token.far == 0,
            "{distance}"
        );
    }
    for length in 3..=258usize {
        let token = Token::copy(length, 1);
        assert_eq!(token.copied(), Some((length as u16, 1)), "{length}");
        assert!(
            token.extra < 1 << token.extra_bits || token.extra == 0,
            "{length}"
        );
    }
    assert_eq!(Token::literal(7).copied(), None);
}

#[test]
fn common_counts_the_bytes_two_slices_start_with() {
    let a: Vec<u8> = (0..300).map(|i| (i % 7) as u8).collect();
    for n in 0..300 {
        for cut in [0, 1, 7, 8, 9, 31, 32, 33, 100, 257, 299] {
            if cut >= n {
                continue;
            }
            let mut b = a[..n].to_vec();
            b[cut] ^= 1;
            assert_eq!(common(&a[..n], &b), cut, "{n} {cut}");
        }
        assert_eq!(common(&a[..n], &a[..n]), n);
        assert_eq!(common(&a, &a[..n]), n);
    }
}
