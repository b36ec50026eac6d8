;; The single-precision scan of src/knowledge/row-scan.ts: the dot product of one query with every
;; row of a matrix, four lanes at a time. Both are laid out in the module's memory by the caller, each
;; row `stride` bytes long (a multiple of 16: rows are padded with zeros).
;; Edited? tests/knowledge/row-scan.test.ts compiles this file and shows the bytes to paste.
(module
  (memory (export "memory") 1)
  ;; out[r] = Σ query[d] · matrix[r][d], for r < rows.
  (func (export "dots")
    (param $query i32) (param $matrix i32) (param $rows i32) (param $stride i32) (param $out i32)
    (local $row i32) (local $at i32) (local $even v128) (local $odd v128)
    (block $done
      (loop $each_row
        (br_if $done (i32.ge_u (local.get $row) (local.get $rows)))
        (local.set $even (v128.const f32x4 0 0 0 0))
        (local.set $odd (v128.const f32x4 0 0 0 0))
        (local.set $at (i32.const 0))
        ;; Two sums of four lanes each, 32 bytes a step, so one addition need not wait on the last.
        (block $pairs_done
          (loop $pairs
            (br_if $pairs_done (i32.ge_u (i32.add (local.get $at) (i32.const 16)) (local.get $stride)))
            (local.set $even (f32x4.add (local.get $even)
              (f32x4.mul (v128.load (i32.add (local.get $query) (local.get $at)))
                         (v128.load (i32.add (local.get $matrix) (local.get $at))))))
            (local.set $odd (f32x4.add (local.get $odd)
              (f32x4.mul (v128.load offset=16 (i32.add (local.get $query) (local.get $at)))
                         (v128.load offset=16 (i32.add (local.get $matrix) (local.get $at))))))
            (local.set $at (i32.add (local.get $at) (i32.const 32)))
            (br $pairs)))
        ;; The last 16 bytes when a row holds an odd number of them.
        (if (i32.lt_u (local.get $at) (local.get $stride))
          (then (local.set $even (f32x4.add (local.get $even)
            (f32x4.mul (v128.load (i32.add (local.get $query) (local.get $at)))
                       (v128.load (i32.add (local.get $matrix) (local.get $at))))))))
        (local.set $even (f32x4.add (local.get $even) (local.get $odd)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $row) (i32.const 2)))
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $even)) (f32x4.extract_lane 1 (local.get $even)))
            (f32.add (f32x4.extract_lane 2 (local.get $even)) (f32x4.extract_lane 3 (local.get $even)))))
        (local.set $matrix (i32.add (local.get $matrix) (local.get $stride)))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br $each_row)))))
