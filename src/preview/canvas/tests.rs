use super::*;
use crate::preview::fill::{Fill, Hatch};

/// Every kind of pattern.
const HATCHES: [Hatch; 5] = [
    Hatch::Diagonal,
    Hatch::Dots,
    Hatch::Horizontal,
    Hatch::Grid,
    Hatch::Other,
];

#[test]
fn a_patterned_fill_shows_its_colour_and_its_marks() {
    let (colour, mark) = ((0xE6, 0x9F, 0x00), (0x1C, 0x24, 0x30));
    for hatch in HATCHES {
        let mut canvas = Canvas::new(40, 40, (0xFF, 0xFF, 0xFF));
        let fill = Fill::Pattern {
            colour,
            mark,
            hatch,
            tile: 10.0,
        };
        canvas.rect((0.0, 0.0), (40.0, 40.0), &fill);
        let mut seen = std::collections::HashSet::new();
        for y in 0..40 {
            for x in 0..40 {
                seen.insert(canvas.pixel(x, y));
            }
        }
        assert_eq!(seen, [colour, mark].into(), "{hatch:?}");
    }
}

#[test]
fn patterns_mark_the_pixels_their_definition_marks() {
    let (colour, mark) = ((0xE6, 0x9F, 0x00), (0x1C, 0x24, 0x30));
    for hatch in HATCHES {
        for tile in [4.5, 6.0, 7.3] {
            let fill = Fill::Pattern {
                colour,
                mark,
                hatch,
                tile,
            };
            let mut canvas = Canvas::new(61, 47, (0xFF, 0xFF, 0xFF));
            canvas.rect((3.0, 2.0), (58.0, 45.0), &fill);
            canvas.disc((30.0, 20.0), 12.0, &fill);
            for y in 0..47 {
                for x in 0..61 {
                    let inside = (3..58).contains(&x) && (2..45).contains(&y);
                    let expected = match (inside, fill.marked(x, y)) {
                        (false, _) => (0xFF, 0xFF, 0xFF),
                        (true, true) => mark,
                        (true, false) => colour,
                    };
                    assert_eq!(canvas.pixel(x, y), expected, "{hatch:?} {tile} ({x}, {y})");
                }
            }
        }
    }
}

#[test]
fn shapes_fill_the_pixels_whose_centres_they_cover() {
    let white = (0xFF, 0xFF, 0xFF);
    let ink = Fill::Solid((0, 0, 0));
    let mut canvas = Canvas::new(20, 20, white);
    canvas.polygon(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)], &ink);
    canvas.disc((15.0, 15.0), 3.0, &ink);
    let inked = |x, y| canvas.pixel(x, y) != white;
    assert!(inked(0, 0) && inked(9, 9) && !inked(10, 9) && !inked(9, 10));
    assert!(inked(15, 15) && inked(13, 15) && !inked(11, 15) && !inked(18, 18));
    let count = (0..20)
        .flat_map(|y| (0..20).map(move |x| (x, y)))
        .filter(|&(x, y)| inked(x, y))
        .count();
    // The square's 100 pixels and a disc of about 28.
    assert!((124..=132).contains(&count), "{count}");
    // Decoded back, the PNG holds the same pixels, of indexed colours.
    let png = canvas.png();
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    assert_eq!(reader.info().color_type, png::ColorType::Indexed);
    let mut rgb = vec![0; reader.output_buffer_size().unwrap()];
    reader.next_frame(&mut rgb).unwrap();
    assert_eq!(&rgb[..3], &[0, 0, 0]);
    assert_eq!(&rgb[(19 * 20 + 19) * 3..][..3], &[0xFF, 0xFF, 0xFF]);
}
