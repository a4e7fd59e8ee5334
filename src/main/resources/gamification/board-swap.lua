-- Puts a rebuilt board in place of the old one and marks it built, in one step.
-- KEYS[1] the board, KEYS[2] its "built" marker, KEYS[3] the rebuilt copy
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('RENAME', KEYS[3], KEYS[1])
else
  redis.call('DEL', KEYS[1])
end
redis.call('SET', KEYS[2], '1')
return 1
