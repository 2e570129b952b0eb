"use strict";
/*
 * Draws a participant's cartoon as SVG: proportions from the face measures (themselves computed from the 68
 * landmarks), colours from the sampled face colours, and the shapes of brows and lips from the landmarks.
 * Every measure is clamped to a plausible range so an odd model output still draws a face.
 */
const Cartoon = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : (lo + hi) / 2));
  const colour = (c, fallback) => /^#[0-9a-fA-F]{6}$/.test(c || "") ? c : fallback;

  function el(name, attrs) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  /* Landmarks first..last fitted into the box (cx, cy, w, h), keeping their shape. */
  function fitted(landmarks, first, last, cx, cy, w, h) {
    const pts = landmarks.slice(first, last + 1);
    if (pts.length !== last - first + 1) return null;
    const xs = pts.map(p => p.x), ys = pts.map(p => p.y);
    const minX = Math.min(...xs), maxX = Math.max(...xs), minY = Math.min(...ys), maxY = Math.max(...ys);
    const sx = maxX - minX || 1, sy = maxY - minY || 1;
    return pts.map(p => [cx + ((p.x - minX) / sx - .5) * w, cy + ((p.y - minY) / sy - .5) * h]);
  }

  const points = pts => pts.map(p => p[0].toFixed(1) + "," + p[1].toFixed(1)).join(" ");
  /* Brows left to right; lips around their centre, so an outline never crosses itself. */
  const byX = pts => pts && [...pts].sort((a, b) => a[0] - b[0]);
  function aroundCentre(pts) {
    if (!pts) return pts;
    const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length, my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
    return [...pts].sort((a, b) => Math.atan2(a[1] - my, a[0] - mx) - Math.atan2(b[1] - my, b[0] - mx));
  }

  function draw(svg, avatar) {
    const m = avatar.measures || {}, c = avatar.colours || {}, lm = avatar.landmarks || [];
    const skin = colour(c.skin, "#d9a98c"), hair = colour(c.hair, "#3b2a20");
    const lips = colour(c.lips, "#b5555d"), eyes = colour(c.eyes, "#4a3b30");
    const W = 62, H = clamp(W / clamp(m.faceWidthToHeight, .65, 1.1), 58, 86);
    const cx = 50, top = 62 - H / 2, jaw = clamp(m.jawWidth, .55, .95) * W;

    svg.replaceChildren();
    svg.appendChild(el("rect", {x: 0, y: 0, width: 100, height: 120, fill: "#0e1014"}));
    // Hair behind the head, the neck, then the face: a round brow line narrowing to the jaw and chin.
    svg.appendChild(el("ellipse", {cx, cy: top + H * .32, rx: W * .6, ry: H * .42, fill: hair}));
    svg.appendChild(el("rect", {x: cx - W * .18, y: top + H * .8, width: W * .36, height: 30, fill: skin}));
    svg.appendChild(el("ellipse", {cx, cy: 118, rx: 42, ry: 14, fill: "#30394a"}));
    const face = `M ${cx - W / 2} ${top + H * .4}
      C ${cx - W / 2} ${top - H * .05}, ${cx + W / 2} ${top - H * .05}, ${cx + W / 2} ${top + H * .4}
      C ${cx + W / 2} ${top + H * .7}, ${cx + jaw / 2} ${top + H * .88}, ${cx} ${top + H}
      C ${cx - jaw / 2} ${top + H * .88}, ${cx - W / 2} ${top + H * .7}, ${cx - W / 2} ${top + H * .4} Z`;
    svg.appendChild(el("path", {d: face, fill: skin, stroke: "rgba(0,0,0,.25)", "stroke-width": .8}));
    svg.appendChild(el("path", {d: `M ${cx - W * .5} ${top + H * .28} Q ${cx} ${top - H * .12} ${cx + W * .5} ${top + H * .28}
      Q ${cx} ${top + H * .08} ${cx - W * .5} ${top + H * .28} Z`, fill: hair}));

    // Eyes: outer corners apart by 70% of the face, inner corners by the intercanthal index of that.
    const outer = W * .7, inner = outer * clamp(m.intercanthalIndex, .25, .5), eyeW = (outer - inner) / 2;
    const eyeY = top + H * .42;
    for (const side of [-1, 1]) {
      const ex = cx + side * (inner / 2 + eyeW / 2);
      svg.appendChild(el("ellipse", {cx: ex, cy: eyeY, rx: eyeW / 2, ry: eyeW / 3.4, fill: "#f4f1ec"}));
      svg.appendChild(el("circle", {cx: ex, cy: eyeY, r: eyeW / 4.2, fill: eyes}));
      svg.appendChild(el("circle", {cx: ex, cy: eyeY, r: eyeW / 10, fill: "#111"}));
      const brow = byX(fitted(lm, side < 0 ? 17 : 22, side < 0 ? 21 : 26, ex, eyeY - eyeW * .62, eyeW * 1.15, eyeW * .3));
      if (brow) {
        svg.appendChild(el("polyline", {points: points(brow), fill: "none", stroke: hair, "stroke-width": 2.2,
          "stroke-linecap": "round", "stroke-linejoin": "round"}));
      }
    }

    // Nose from its width and height; mouth below it after the upper lip, as wide as the mouth index says.
    const noseW = clamp(m.noseWidth, .15, .4) * W, noseH = clamp(m.noseHeight, .2, .45) * W;
    const noseTop = eyeY + eyeW * .1, noseBase = noseTop + noseH;
    svg.appendChild(el("path", {d: `M ${cx - noseW * .12} ${noseTop} L ${cx - noseW * .18} ${noseBase - noseH * .25}
      M ${cx - noseW / 2} ${noseBase - noseW * .15} Q ${cx} ${noseBase + noseW * .3} ${cx + noseW / 2} ${noseBase - noseW * .15}`,
      fill: "none", stroke: "rgba(0,0,0,.35)", "stroke-width": 1.2, "stroke-linecap": "round"}));
    const mouthW = clamp(m.mouthFaceWidthIndex, .3, .6) * W;
    const mouthY = Math.min(noseBase + clamp(m.upperLipHeight, .05, .2) * W + 3, top + H * .86);
    const mouth = aroundCentre(fitted(lm, 48, 59, cx, mouthY, mouthW, mouthW * .32));
    svg.appendChild(mouth
      ? el("polygon", {points: points(mouth), fill: lips, stroke: "rgba(0,0,0,.3)", "stroke-width": .6})
      : el("ellipse", {cx, cy: mouthY, rx: mouthW / 2, ry: mouthW / 7, fill: lips}));
  }

  return {draw};
})();
