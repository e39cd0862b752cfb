// GET /api/places/at?lat=&lng=: the point whose kecamatan and desa the citizen's form asks for.
import * as v from 'valibot';
import { fieldsOf, number, required } from './fields.ts';

export const PlacePointQuerySchema = fieldsOf({
  lat: required(number({ min: -90, max: 90, invalid: 'invalid_coordinates' }), 'coordinates_incomplete'),
  lng: required(number({ min: -180, max: 180, invalid: 'invalid_coordinates' }), 'coordinates_incomplete'),
});
export type PlacePointQuery = v.InferOutput<typeof PlacePointQuerySchema>;
