import L from 'leaflet';
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';

const MapSettingsQuery = graphql(`
  query MapSettings {
    mapSettings { tiles { urlTemplate attribution maxZoom subdomains } }
  }
`);

export interface MapTiles {
  urlTemplate: string;
  attribution: string;
  maxZoom: number;
  subdomains: readonly string[];
}

/**
 * The street map the server configures (`qibao.map.tiles.*`), or null while it is unknown, when
 * none is configured, or when the question failed: the maps then show their data alone.
 */
export function useMapTiles(): MapTiles | null {
  // load error: none shown on purpose; without the settings a map shows its grids and people on a plain ground
  const [{ data }] = useQuery({ query: MapSettingsQuery, requestPolicy: 'cache-first' });
  return data?.mapSettings.tiles ?? null;
}

/**
 * Lays the tiles under a map's data for as long as the component lives. Tiles that cannot be
 * loaded (offline, blocked) leave empty squares under the grids and people, who still show.
 */
export function useTileLayer(map: L.Map | null, tiles: MapTiles | null): void {
  useEffect(() => {
    if (!map || !tiles) return undefined;
    const options: L.TileLayerOptions = {
      attribution: tiles.attribution,
      maxZoom: tiles.maxZoom,
      className: 'map-tiles',
    };
    if (tiles.subdomains.length > 0) options.subdomains = [...tiles.subdomains];
    const layer = L.tileLayer(tiles.urlTemplate, options).addTo(map);
    layer.bringToBack();
    return () => void layer.remove();
  }, [map, tiles]);
}
