// A mid-size sedan (about 4.85 × 1.84 × 1.45 m), drawn at 100 units per metre. The side view
// has the front on the left, as seen standing at the car's left; the plan view points the same
// way, so its left side is the bottom edge. Front and rear views are drawn half and mirrored.
import { Body, EndTyre, GLASS, INK_SOFT, LAMP, Line, Mirrored, Part, SideWheel } from './outline-parts.tsx';

const FRONT_AXLE = 114;
const REAR_AXLE = 396;

export function SedanSide() {
  return (
    <>
      <Body
        d={`M 32 160 C 23 159 18 152 18 140 L 19 122 C 20 111 26 104 38 101 C 82 93 140 87 184 84
          C 206 70 228 52 252 39 C 288 29 336 28 366 34 C 394 46 416 64 436 78
          C 460 80 482 81 494 84 C 500 88 502 96 502 104 L 503 132 C 503 149 499 158 488 160
          L 432 160 A 40 40 0 1 0 360 160 L 150 160 A 40 40 0 1 0 78 160 Z`}
      />
      {/* Side glass in one opening, split by the B-pillar. */}
      <Part
        fill={GLASS}
        d="M 202 83 C 220 68 238 54 258 45 C 290 38 330 37 358 41 C 378 53 396 66 412 79 Z"
      />
      <path d="M 298 39 L 296 82 L 305 82 L 307 39 Z" fill="#fff" stroke="none" />
      <Line d="M 298 40 L 296 82 M 306 40 L 305 82" />
      {/* Doors: front, split at the B-pillar, rear door cut round the wheel arch. */}
      <Line d="M 186 87 C 182 110 182 140 186 158 M 300 84 L 301 158 M 414 80 C 410 96 404 104 394 106 C 382 108 372 110 368 115" />
      <Line d="M 38 109 C 160 100 340 96 496 98" />
      <Line d="M 152 150 C 220 152 300 152 358 150" />
      <Line d="M 20 126 C 40 128 62 130 76 133 M 502 124 C 480 125 452 127 436 130" />
      <Part d="M 232 97 h 20 a 2.5 2.5 0 0 1 0 5 h -20 a 2.5 2.5 0 0 1 0 -5 Z" />
      <Part d="M 336 95 h 20 a 2.5 2.5 0 0 1 0 5 h -20 a 2.5 2.5 0 0 1 0 -5 Z" />
      {/* Mirror on the door, headlight wrapping round the corner, tail light on the quarter. */}
      <Part strong d="M 200 84 C 199 76 204 70 214 70 L 222 71 C 224 76 223 82 219 86 Z" />
      <Part fill={LAMP} d="M 21 110 C 38 103 62 99 84 99 C 78 104 70 108 60 110 C 46 112 32 114 21 116 Z" />
      <Part fill="#fde1e1" d="M 462 86 C 476 86 490 88 500 92 L 502 104 C 488 102 474 98 466 94 Z" />
      <SideWheel cx={FRONT_AXLE} cy={143} r={33} />
      <SideWheel cx={REAR_AXLE} cy={143} r={33} />
    </>
  );
}

export function SedanTop() {
  return (
    <>
      {/* Mirrors first, so the body line covers their roots. */}
      <Part strong d="M 192 16 C 194 6 204 1 216 2 C 222 3 224 8 222 14 Z" />
      <Part strong d="M 192 184 C 194 194 204 199 216 198 C 222 197 224 192 222 186 Z" />
      <Body
        d={`M 72 13 C 150 8 380 8 462 12 C 490 14 500 28 502 52 C 505 80 505 120 502 148
          C 500 172 490 186 462 188 C 380 192 150 192 72 187 C 38 184 21 170 18 146
          C 14 120 14 80 18 54 C 21 30 38 16 72 13 Z`}
      />
      <Line dashed d="M 81 16 h 66 M 81 184 h 66 M 363 16 h 66 M 363 184 h 66" />
      {/* Bonnet and boot lids, with the bonnet's two creases. */}
      <Line d="M 184 22 C 130 18 72 21 44 30 C 33 60 33 140 44 170 C 72 179 130 182 184 178" />
      <Line d="M 62 62 C 100 60 146 60 178 62 M 62 138 C 100 140 146 140 178 138" />
      <Line d="M 420 27 C 446 28 470 32 488 40 C 497 70 497 130 488 160 C 470 168 446 172 420 173" />
      <Part fill={GLASS} d="M 188 24 Q 166 100 188 176 L 250 164 Q 238 100 250 36 Z" />
      <Part fill={GLASS} d="M 352 35 Q 364 100 352 165 L 420 173 Q 436 100 420 27 Z" />
      <Part fill={GLASS} d="M 188 24 C 260 20 360 21 420 27 L 352 35 C 320 32 280 32 250 36 Z" />
      <Part fill={GLASS} d="M 188 176 C 260 180 360 179 420 173 L 352 165 C 320 168 280 168 250 164 Z" />
      <Part fill={LAMP} d="M 24 44 C 28 32 38 22 58 17 L 66 22 C 48 28 38 36 32 48 Z" />
      <Part fill={LAMP} d="M 24 156 C 28 168 38 178 58 183 L 66 178 C 48 172 38 164 32 152 Z" />
      <Part fill="#fde1e1" d="M 498 44 C 496 32 488 20 470 15 L 466 21 C 480 26 488 34 492 46 Z" />
      <Part fill="#fde1e1" d="M 498 156 C 496 168 488 180 470 185 L 466 179 C 480 174 488 166 492 154 Z" />
    </>
  );
}

/** What shows past the body at one side (tyre, mirror); drawn for the left half and mirrored. */
function EndUnder() {
  return (
    <>
      <EndTyre x={34} y={136} w={24} h={40} />
      <Part strong d="M 50 80 L 24 77 C 18 77 16 81 17 87 L 20 93 L 46 91 Z" />
    </>
  );
}

function FrontLamps() {
  return (
    <>
      <Part fill={LAMP} d="M 33 101 C 50 103 68 107 84 111 L 82 119 C 62 119 44 115 33 110 Z" />
      <Part d="M 42 141 a 8 5 0 1 0 16 0 a 8 5 0 1 0 -16 0 Z" />
    </>
  );
}

export function SedanFront() {
  return (
    <>
      <EndUnder />
      <Mirrored width={240}>
        <EndUnder />
      </Mirrored>
      <Body d="M 46 89 L 63 40 C 65 34 71 31 77 31 L 163 31 C 169 31 175 34 177 40 L 194 89 Z" />
      <Body
        d={`M 40 161 C 33 161 30 157 30 150 L 28 116 C 28 101 32 93 42 89 L 198 89 C 208 93 212 101 212 116
          L 210 150 C 210 157 207 161 200 161 Z`}
      />
      <Part fill={GLASS} d="M 56 84 L 70 44 C 72 40 75 38 80 38 L 160 38 C 165 38 168 40 170 44 L 184 84 Z" />
      <Line d="M 36 98 C 80 95 160 95 204 98" />
      <Part d="M 88 107 L 152 107 L 147 127 L 93 127 Z" />
      <Line d="M 94 114 h 52 M 96 120 h 48" />
      <Part strong d="M 98 131 h 44 v 13 h -44 Z" />
      <Part d="M 70 148 L 170 148 L 164 156 L 76 156 Z" />
      <FrontLamps />
      <Mirrored width={240}>
        <FrontLamps />
      </Mirrored>
    </>
  );
}

function RearLamps() {
  return <Part fill="#fde1e1" d="M 31 100 L 86 103 L 86 115 C 66 115 46 113 32 110 Z" />;
}

export function SedanRear() {
  return (
    <>
      <EndUnder />
      <Mirrored width={240}>
        <EndUnder />
      </Mirrored>
      <path d="M 56 158 h 18 v 6 h -18 Z M 166 158 h 18 v 6 h -18 Z" fill="#fff" stroke={INK_SOFT} strokeWidth={1.4} />
      <Body d="M 48 89 L 65 42 C 67 36 73 33 79 33 L 161 33 C 167 33 173 36 175 42 L 192 89 Z" />
      <Body
        d={`M 40 161 C 33 161 30 157 30 150 L 28 116 C 28 101 32 93 42 89 L 198 89 C 208 93 212 101 212 116
          L 210 150 C 210 157 207 161 200 161 Z`}
      />
      <Part fill={GLASS} d="M 60 84 L 73 47 C 75 43 78 41 82 41 L 158 41 C 162 41 165 43 167 47 L 180 84 Z" />
      <Line d="M 36 96 C 80 93 160 93 204 96 M 88 103 L 152 103" />
      <Line d="M 40 128 C 80 130 160 130 200 128 M 88 103 L 92 128 M 152 103 L 148 128" />
      <Part strong d="M 98 110 h 44 v 13 h -44 Z" />
      <Line d="M 44 146 h 152" />
      <RearLamps />
      <Mirrored width={240}>
        <RearLamps />
      </Mirrored>
    </>
  );
}
