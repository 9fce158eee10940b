// A compact SUV (about 4.70 × 1.90 × 1.70 m) at 100 units per metre: taller, more upright
// glass, a near-vertical tailgate, roof rails and wheel-arch cladding. Same conventions as
// the sedan: front on the left in the side and plan views; front and rear drawn half and mirrored.
import { Body, EndTyre, GLASS, INK_SOFT, LAMP, Line, Mirrored, Part, SideWheel } from './outline-parts.tsx';

const FRONT_AXLE = 120;
const REAR_AXLE = 398;

export function SuvSide() {
  return (
    <>
      <Line d="M 256 18 L 266 10 L 436 10 L 446 17" />
      <Body
        d={`M 36 164 C 28 163 24 157 24 148 L 25 112 C 26 98 32 90 46 87 C 92 80 144 76 178 74
          C 202 54 224 34 246 20 C 300 15 400 15 450 19 C 462 24 468 40 476 58
          C 486 72 492 86 494 100 L 495 144 C 495 156 490 163 482 164
          L 439 164 A 45 45 0 1 0 357 164 L 161 164 A 45 45 0 1 0 79 164 Z`}
      />
      {/* Unpainted cladding round the arches and along the sill: the SUV cue customers know. */}
      <path fill={CLADDING} d={`${flare(FRONT_AXLE)} ${flare(REAR_AXLE)} M 168 151 L 350 151 L 350 164 L 168 164 Z`} />
      <Line d={`${flareEdge(FRONT_AXLE)} ${flareEdge(REAR_AXLE)} M 168 151 L 350 151`} />
      <Part fill={GLASS} d="M 196 78 C 212 60 230 42 250 28 C 320 24 400 24 446 27 C 456 40 462 52 467 65 Z" />
      <path d="M 300 26 L 298 75 L 308 75 L 310 26 Z M 400 25 L 398 70 L 406 70 L 408 25 Z" fill="#fff" stroke="none" />
      <Line d="M 300 27 L 298 75 M 309 27 L 308 75 M 400 26 L 398 70 M 407 26 L 406 70" />
      <Line d="M 184 82 C 180 106 180 130 184 151 M 303 79 L 304 151 M 403 72 L 403 102 C 398 106 384 106 374 110" />
      <Line d="M 40 100 C 160 94 340 90 492 92" />
      <Line d="M 25 132 C 44 134 62 136 72 138 M 494 130 C 474 131 456 133 446 136" />
      <Part d="M 230 93 h 20 a 2.5 2.5 0 0 1 0 5 h -20 a 2.5 2.5 0 0 1 0 -5 Z" />
      <Part d="M 338 90 h 20 a 2.5 2.5 0 0 1 0 5 h -20 a 2.5 2.5 0 0 1 0 -5 Z" />
      <Part strong d="M 196 78 C 195 70 200 64 210 64 L 218 65 C 220 70 219 76 215 80 Z" />
      <Part fill={LAMP} d="M 27 98 C 44 92 66 88 90 88 C 84 94 74 98 62 100 C 50 102 38 104 27 106 Z" />
      <Part fill="#fde1e1" d="M 472 62 C 482 72 490 86 493 98 L 494 110 C 486 108 478 104 472 98 C 470 86 470 74 472 62 Z" />
      <SideWheel cx={FRONT_AXLE} cy={145} r={37} />
      <SideWheel cx={REAR_AXLE} cy={145} r={37} />
    </>
  );
}

const CLADDING = '#e6e9ee';

/** The band between the wheel arch (r 45) and the cladding edge (r 52), as a closed shape. */
function flare(cx: number): string {
  return `M ${cx - 48.4} 164 A 52 52 0 1 1 ${cx + 48.4} 164 L ${cx + 40.8} 164 A 45 45 0 1 0 ${cx - 40.8} 164 Z`;
}

function flareEdge(cx: number): string {
  return `M ${cx - 48.4} 164 A 52 52 0 1 1 ${cx + 48.4} 164`;
}

export function SuvTop() {
  return (
    <>
      <Part strong d="M 200 14 C 202 6 210 1 220 2 L 224 12 Z" />
      <Part strong d="M 200 186 C 202 194 210 199 220 198 L 224 188 Z" />
      <Body
        d={`M 70 9 C 150 5 390 5 466 8 C 488 10 494 24 495 48 C 497 80 497 120 495 152
          C 494 176 488 190 466 192 C 390 195 150 195 70 191 C 40 189 26 176 24 150
          C 21 120 21 80 24 50 C 26 24 40 11 70 9 Z`}
      />
      <Line dashed d="M 84 12 h 72 M 84 188 h 72 M 362 12 h 72 M 362 188 h 72" />
      <Line d="M 190 20 C 130 16 76 19 48 28 C 38 60 38 140 48 172 C 76 181 130 184 190 180" />
      <Line d="M 64 60 C 104 58 150 58 184 60 M 64 140 C 104 142 150 142 184 140" />
      <Line d="M 470 24 C 480 28 486 32 488 40 C 491 70 491 130 488 160 C 486 168 480 172 470 176" />
      <Part fill={GLASS} d="M 194 22 Q 176 100 194 178 L 248 166 Q 238 100 248 34 Z" />
      <Part fill={GLASS} d="M 444 30 Q 452 100 444 170 L 470 176 Q 478 100 470 24 Z" />
      <Part fill={GLASS} d="M 194 22 C 280 18 400 19 470 24 L 444 30 C 380 28 300 29 248 34 Z" />
      <Part fill={GLASS} d="M 194 178 C 280 182 400 181 470 176 L 444 170 C 380 172 300 171 248 166 Z" />
      {/* Roof rails along both roof edges. */}
      <Part d="M 262 40 L 436 37 L 436 45 L 262 47 Z" />
      <Part d="M 262 160 L 436 163 L 436 155 L 262 153 Z" />
      <Part fill={LAMP} d="M 30 40 C 34 28 44 18 62 13 L 70 19 C 52 24 42 34 38 44 Z" />
      <Part fill={LAMP} d="M 30 160 C 34 172 44 182 62 187 L 70 181 C 52 176 42 166 38 156 Z" />
      <Part fill="#fde1e1" d="M 492 40 C 490 28 484 16 468 11 L 464 17 C 478 22 484 30 486 42 Z" />
      <Part fill="#fde1e1" d="M 492 160 C 490 172 484 184 468 189 L 464 183 C 478 178 484 170 486 158 Z" />
    </>
  );
}

/** What shows past the body at one side (tyre, mirror); drawn for the left half and mirrored. */
function EndUnder() {
  return (
    <>
      <EndTyre x={30} y={136} w={27} h={46} />
      <Part strong d="M 48 76 L 22 73 C 16 73 14 77 15 83 L 18 89 L 44 87 Z" />
    </>
  );
}

function FrontLamps() {
  return (
    <>
      <Part fill={LAMP} d="M 29 95 C 48 97 66 100 82 103 L 80 112 C 60 112 42 109 30 105 Z" />
      <Part d="M 36 140 a 8 5 0 1 0 16 0 a 8 5 0 1 0 -16 0 Z" />
    </>
  );
}

export function SuvFront() {
  return (
    <>
      <EndUnder />
      <Mirrored width={240}>
        <EndUnder />
      </Mirrored>
      <Line d="M 68 13 L 69 9 L 77 9 L 77 13 M 172 13 L 171 9 L 163 9 L 163 13" />
      <Body d="M 42 86 L 56 21 C 57 16 62 13 68 13 L 172 13 C 178 13 183 16 184 21 L 198 86 Z" />
      <Body
        d={`M 34 162 C 27 162 24 158 24 150 L 24 106 C 24 94 30 88 40 86 L 200 86 C 210 88 216 94 216 106
          L 216 150 C 216 158 213 162 206 162 Z`}
      />
      <Part fill={GLASS} d="M 52 81 L 63 26 C 64 22 67 20 72 20 L 168 20 C 173 20 176 22 177 26 L 188 81 Z" />
      <Line d="M 32 95 C 80 92 160 92 208 95" />
      <Part d="M 84 102 L 156 102 L 152 130 L 88 130 Z" />
      <Line d="M 88 109 h 64 M 89 116 h 62 M 90 123 h 60" />
      <Part strong d="M 98 133 h 44 v 13 h -44 Z" />
      <Part d="M 82 150 L 158 150 L 152 158 L 88 158 Z" fill="#eef1f6" />
      <FrontLamps />
      <Mirrored width={240}>
        <FrontLamps />
      </Mirrored>
    </>
  );
}

function RearLamps() {
  return <Part fill="#fde1e1" d="M 28 93 L 60 95 L 58 119 L 29 116 Z" />;
}

export function SuvRear() {
  return (
    <>
      <EndUnder />
      <Mirrored width={240}>
        <EndUnder />
      </Mirrored>
      <path d="M 52 160 h 18 v 6 h -18 Z M 170 160 h 18 v 6 h -18 Z" fill="#fff" stroke={INK_SOFT} strokeWidth={1.4} />
      <Line d="M 68 13 L 69 9 L 77 9 L 77 13 M 172 13 L 171 9 L 163 9 L 163 13" />
      <Body d="M 44 86 L 57 21 C 58 16 63 13 69 13 L 171 13 C 177 13 182 16 183 21 L 196 86 Z" />
      <Body
        d={`M 34 162 C 27 162 24 158 24 150 L 24 106 C 24 94 30 88 40 86 L 200 86 C 210 88 216 94 216 106
          L 216 150 C 216 158 213 162 206 162 Z`}
      />
      <Part fill={GLASS} d="M 58 70 L 66 28 C 67 24 70 22 74 22 L 166 22 C 170 22 173 24 174 28 L 182 70 Z" />
      <Line d="M 120 64 L 96 48" />
      <Line d="M 64 80 L 62 126 C 90 128 150 128 178 126 L 176 80" />
      <Part strong d="M 98 106 h 44 v 13 h -44 Z" />
      <Line d="M 30 136 C 80 138 160 138 210 136" />
      <Part d="M 84 150 L 156 150 L 150 158 L 90 158 Z" fill="#eef1f6" />
      <RearLamps />
      <Mirrored width={240}>
        <RearLamps />
      </Mirrored>
    </>
  );
}
